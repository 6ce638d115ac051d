import type { Account, Code, Codebook, CodeNode } from '@mizug/domain';
import type { Queryable } from '../../db/database';
import { listCodes } from '../../db/repositories/codes';
import { loadActor } from '../../policy/actor';
import { authorize } from '../../policy/authorize';
import { can } from '../../policy/policy';

/** Flat codes as a tree, each level in position order. */
export function codeTree(codes: Code[]): CodeNode[] {
  const nodes = new Map(codes.map((code) => [code.id, { ...code, children: [] as CodeNode[] }]));
  const roots: CodeNode[] = [];
  for (const node of nodes.values()) {
    const parent = node.parentId ? nodes.get(node.parentId) : undefined;
    (parent ? parent.children : roots).push(node);
  }
  return roots;
}

/** The initiative's codebook, for every member; `canEdit` for those who may shape it. */
export async function listCodebook(
  db: Queryable,
  account: Account,
  initiativeId: string,
): Promise<Codebook> {
  const actor = await loadActor(db, account, initiativeId);
  const resource = { kind: 'code', initiativeId } as const;
  authorize(actor, 'read', resource);
  return {
    codes: codeTree(await listCodes(db, initiativeId)),
    canEdit: can(actor, 'write', resource),
  };
}
