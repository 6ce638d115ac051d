import type { Account, Finding } from '@mizug/domain';
import { exportableText, type ExportBundle, type ExportValidation } from '@mizug/exporters';
import type { Database } from '../../db/database';
import { listGroupDeciders } from '../../db/repositories/boards';
import * as findings from '../../db/repositories/findings';
import { findingFor } from '../boards/context';
import { decisionRuleOf } from '../boards/round';
import { standingDecision } from '../boards/standing';

type ReportParts = Pick<
  ExportBundle['findings'][number],
  'citations' | 'balance' | 'disagreements' | 'validation' | 'credits'
>;

/**
 * Each deciding group's decision in every round of a finding's return loop (MK-7), by the
 * group's rule; what each round's members commented, never who recorded it.
 */
async function validationHistory(
  db: Database,
  account: Account,
  finding: Finding,
): Promise<ExportValidation[]> {
  if (finding.round === 0) return [];
  const { context } = await findingFor(db, account, finding.id, 'read');
  const rule = await decisionRuleOf(db, context);
  const deciders = new Map<string, string[]>();
  for (const group of context.groups) deciders.set(group.id, await listGroupDeciders(db, group.id));
  const history: ExportValidation[] = [];
  for (const { round, returnedAt } of await findings.listRounds(db, finding.id)) {
    const recorded = await findings.listDecisions(db, finding.id, round);
    for (const group of context.groups) {
      const ofGroup = recorded.filter((entry) => entry.spaceId === group.id);
      history.push({
        groupId: group.id,
        round,
        returnedAt: returnedAt.toISOString(),
        decision: standingDecision(rule, ofGroup, deciders.get(group.id) ?? []),
        comments: ofGroup.map(({ comment }) => exportableText(comment)).filter(Boolean),
        decidedAt: ofGroup.at(-1)?.recordedAt.toISOString() ?? null,
      });
    }
  }
  return history;
}

/**
 * What the findings report shows of a finding beyond its texts: its balance of voices (counts
 * only), its disagreement register, its validation history per group and its MK-8 credit block.
 * Who recorded a decision or a disagreement is never exported: a teller may be among them.
 */
export async function findingReportParts(
  db: Database,
  account: Account,
  finding: Finding,
): Promise<ReportParts> {
  return {
    citations: finding.citations,
    balance: finding.balance,
    disagreements: finding.disagreements.map((entry) => ({
      groupId: entry.group.spaceId,
      position: exportableText(entry.position),
      recordedAt: entry.recordedAt,
    })),
    validation: await validationHistory(db, account, finding),
    credits: {
      people: finding.credits.people.map(({ credit, name }) => ({
        credit,
        name: exportableText(name),
      })),
      anonymous: finding.credits.anonymous,
      groupIds: finding.credits.groups.map(({ spaceId }) => spaceId),
    },
  };
}
