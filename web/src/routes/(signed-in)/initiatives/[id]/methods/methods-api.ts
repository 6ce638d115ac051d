import type { InferResponseType } from 'hono/client';
import type { ApiClient } from '$lib/api/client';

type Methods = ApiClient['api']['initiatives'][':initiativeId']['methods'];

/** A method a session can be started with: a built-in one, or this initiative's adaptation. */
export type MethodEntry = InferResponseType<Methods['$get'], 200>[number];

/** The request for an initiative's methods (facilitators and admins may read them). */
export const methodsRequest = (api: ApiClient, initiativeId: string) => () =>
  api.api.initiatives[':initiativeId'].methods.$get({ param: { initiativeId } });

/** The method an adaptation was copied from, by its definition's id, when it is still listed. */
export const findByDefinitionId = (entries: readonly MethodEntry[], id: string) =>
  entries.find((entry) => entry.definition.id === id);
