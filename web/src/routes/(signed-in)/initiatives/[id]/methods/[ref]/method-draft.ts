import * as m from '@mizug/i18n/messages';
import { isLocale, type Locale } from '@mizug/i18n/runtime';
import type { LocalizedText, MethodDefinition, Stage } from '@mizug/methods';
import { languageNames } from '../method-labels';

/** What a facilitator edits; the server keeps the id, the version and the origin. */
export type MethodDraft = Pick<MethodDefinition, 'title' | 'summary' | 'source' | 'stages'>;

/** A copy to edit; the definition is JSON (and may be a reactive proxy, which cannot be cloned). */
export function toDraft(method: MethodDefinition): MethodDraft {
  const { title, summary, source, stages } = JSON.parse(JSON.stringify(method)) as MethodDefinition;
  return { title, summary, source, stages };
}

const emptyText = (): LocalizedText => ({ he: '', ar: '', en: '' });

const stageIdParts = (id: string) => /^([A-Z]{1,4})-([0-9]{1,2})/.exec(id);

/**
 * A stage id no stage of the method has yet: the method's own prefix and the next number
 * ("MK-11"), or, when the numbers run out, a letter after one ("MK-3b").
 */
export function nextStageId(stages: readonly Stage[]): string {
  const taken = new Set(stages.map((stage) => stage.id));
  const counts = new Map<string, number>();
  for (const stage of stages) {
    const prefix = stageIdParts(stage.id)?.[1];
    if (prefix) counts.set(prefix, (counts.get(prefix) ?? 0) + 1);
  }
  const prefix = [...counts].sort((a, b) => b[1] - a[1])[0]?.[0] ?? 'ST';
  const numbers = stages
    .map((stage) => stageIdParts(stage.id))
    .filter((parts) => parts?.[1] === prefix)
    .map((parts) => Number(parts![2]));
  for (let n = Math.max(0, ...numbers) + 1; n <= 99; n++)
    if (!taken.has(`${prefix}-${n}`)) return `${prefix}-${n}`;
  for (let n = 1; n <= 99; n++)
    for (const letter of 'bcdefghijklmnopqrstuvwxyz')
      if (!taken.has(`${prefix}-${n}${letter}`)) return `${prefix}-${n}${letter}`;
  return `${prefix}-0`;
}

/** A stage to fill in: each group writes together until the facilitator ends it. */
export const newStage = (id: string): Stage => ({
  id,
  title: emptyText(),
  purpose: emptyText(),
  prompts: [emptyText()],
  participation: 'each_group',
  artefact: 'canvas',
  exit: 'facilitator_closes',
  evidence: 'reconstructed',
  optional: false,
});

export const newPrompt = emptyText;

/** Moves one item of a list in place. */
export function moveItem<T>(items: T[], from: number, to: number) {
  const [item] = items.splice(from, 1);
  if (item !== undefined) items.splice(to, 0, item);
}

/** The element id of a field, by its path in the definition (`stages.3.prompts.0.ar`). */
export const fieldId = (path: string) => `method-${path.replaceAll('.', '-')}`;

/** A field's label in one language: "Title (Arabic)". */
export const inLanguage = (field: string, locale: Locale) =>
  m.methods_field_in_language({ field, language: languageNames[locale]() });

const withLanguage = (field: string, locale: string | undefined) =>
  locale && isLocale(locale) ? inLanguage(field, locale) : field;

function describeStageField(field: string[]): string | null {
  const [name, second, third] = field;
  if (name === 'title') return withLanguage(m.methods_field_title(), second);
  if (name === 'purpose') return withLanguage(m.methods_purpose(), second);
  if (name === 'prompts' && second !== undefined)
    return withLanguage(m.methods_field_prompt({ number: Number(second) + 1 }), third);
  if (name === 'prompts') return m.methods_prompts();
  if (name === 'participation') return m.methods_participation();
  if (name === 'artefact') return m.methods_artefact();
  if (name === 'exit') return m.methods_exit();
  return null;
}

/** Where a field is, in words, for the list of problems: "Stage MK-3 · Prompt 1 (Arabic)". */
export function describePath(path: string, draft: MethodDraft): string {
  const [first, second, ...rest] = path.split('.');
  if (first === 'title') return withLanguage(m.methods_field_title(), second);
  if (first === 'summary') return withLanguage(m.methods_field_summary(), second);
  if (first === 'stages' && second !== undefined) {
    const stage = draft.stages[Number(second)];
    const where = m.methods_stage_label({ id: stage?.id ?? String(Number(second) + 1) });
    const field = describeStageField(rest);
    return field ? `${where} · ${field}` : where;
  }
  if (first === 'stages') return m.methods_stages_heading();
  return path;
}

/** The field, or the nearest part of the form that holds it, to bring a problem into view. */
export function nearestElement(path: string): HTMLElement | null {
  const parts = path.split('.');
  for (let length = parts.length; length > 0; length--) {
    const element = document.getElementById(fieldId(parts.slice(0, length).join('.')));
    if (element) return element;
  }
  return null;
}
