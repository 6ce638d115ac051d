import { create } from 'xmlbuilder2';
import type { XMLBuilder } from 'xmlbuilder2/lib/interfaces';
import type { ExportBundle, ExportCode } from './bundle';
import { exportableText } from './text';

const PROJECT_NS = 'urn:QDA-XML:project:1.0';
const CODEBOOK_NS = 'urn:QDA-XML:codebook:1.0';

/** Where each source's text sits in the .qdpx zip, as `plainTextPath` names it. */
export const sourceFileName = (sourceId: string) => `${sourceId}.txt`;

/** Any user text written into XML: what XML 1.0 can hold, never markup (the builder escapes). */
const clean = (value: string) => exportableText(value);

/** The codes as a tree, siblings in bundle order; a parent left out makes its child top level. */
function codeTree(codes: readonly ExportCode[]) {
  const ids = new Set(codes.map(({ id }) => id));
  const children = new Map<string | null, ExportCode[]>();
  for (const code of codes) {
    const parent = code.parentId && ids.has(code.parentId) ? code.parentId : null;
    children.set(parent, [...(children.get(parent) ?? []), code]);
  }
  return (parent: string | null) => children.get(parent) ?? [];
}

function writeCodes(parent: XMLBuilder, codes: readonly ExportCode[]) {
  const childrenOf = codeTree(codes);
  const add = (into: XMLBuilder, code: ExportCode) => {
    const element = into.ele('Code', {
      guid: code.id,
      name: clean(code.name),
      isCodable: 'true',
      color: code.colour,
    });
    if (code.description) element.ele('Description').txt(clean(code.description));
    for (const child of childrenOf(code.id)) add(element, child);
  };
  const list = parent.ele('Codes');
  for (const code of childrenOf(null)) add(list, code);
}

/** A finding as a note: its title, statement, characteristics and open questions, as text. */
function findingNoteText(finding: ExportBundle['findings'][number]) {
  return [finding.title, finding.statement, finding.characteristics, finding.openQuestions]
    .filter((part) => part.trim().length > 0)
    .join('\n\n');
}

/**
 * `project.qde` of a REFI-QDA project: users as credited, the codebook, every source as a text
 * file by `internal://` path, each card a `PlainTextSelection` (code points) coded with its
 * codes, and findings as notes the selections they rest on refer to.
 */
export function projectXml(bundle: ExportBundle): string {
  const root = create({ version: '1.0', encoding: 'utf-8' }).ele(PROJECT_NS, 'Project', {
    name: clean(bundle.initiative.name),
    origin: clean(bundle.origin),
    creationDateTime: bundle.exportedAt,
  });
  if (bundle.users.length) {
    const users = root.ele('Users');
    // An anonymous teller is a user with no name: counted, never named.
    for (const user of bundle.users)
      users.ele(
        'User',
        user.name === null ? { guid: user.id } : { guid: user.id, name: clean(user.name) },
      );
  }
  // An empty `Codes` is invalid: a project without codes has no codebook.
  if (bundle.codes.length) writeCodes(root.ele('CodeBook'), bundle.codes);

  const notesOfCard = new Map<string, string[]>();
  for (const finding of bundle.findings)
    for (const cardId of finding.cardIds)
      notesOfCard.set(cardId, [...(notesOfCard.get(cardId) ?? []), finding.id]);
  const codesKnown = new Set(bundle.codes.map(({ id }) => id));

  if (bundle.sources.length) {
    const sources = root.ele('Sources');
    for (const source of bundle.sources) {
      const element = sources.ele('TextSource', {
        guid: source.id,
        name: clean(source.name),
        plainTextPath: `internal://${sourceFileName(source.id)}`,
        creatingUser: source.userId,
      });
      for (const coding of bundle.codings.filter(({ sourceId }) => sourceId === source.id)) {
        const selection = element.ele('PlainTextSelection', {
          guid: coding.cardId,
          name: clean([...coding.quote].slice(0, 60).join('')),
          startPosition: String(coding.start),
          endPosition: String(coding.end),
          creatingUser: source.userId,
          creationDateTime: coding.createdAt,
        });
        for (const codeId of coding.codeIds.filter((codeId) => codesKnown.has(codeId)))
          // QualCoder needs CodeRef as a Coding's first child.
          selection
            .ele('Coding', { guid: crypto.randomUUID() })
            .ele('CodeRef', { targetGUID: codeId });
        for (const noteId of notesOfCard.get(coding.cardId) ?? [])
          selection.ele('NoteRef', { targetGUID: noteId });
      }
    }
  }
  if (bundle.findings.length) {
    const notes = root.ele('Notes');
    for (const finding of bundle.findings)
      notes
        .ele('Note', { guid: finding.id, name: clean(finding.title) })
        .ele('PlainTextContent')
        .txt(clean(findingNoteText(finding)));
  }
  return root.end({ prettyPrint: true, wellFormed: true });
}

/**
 * A REFI-QDA codebook (.qdc): the codes with their hierarchy, colours and descriptions. The schema
 * needs at least one code; callers refuse an empty codebook first.
 */
export function codebookXml(bundle: ExportBundle): string {
  const root = create({ version: '1.0', encoding: 'utf-8' }).ele(CODEBOOK_NS, 'CodeBook', {
    origin: clean(bundle.origin),
  });
  // The schema wants at least one Code and, when `Sets` is there, at least one Set: no empty Sets.
  writeCodes(root, bundle.codes);
  return root.end({ prettyPrint: true, wellFormed: true });
}
