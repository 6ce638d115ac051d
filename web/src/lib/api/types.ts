import type { InferResponseType } from 'hono/client';
import type { ApiClient } from './client';

type Api = ApiClient['api'];
type Initiative = Api['initiatives'][':initiativeId'];

/** Answers of the API as the web reads them, inferred from the server's routes. */
export type InitiativeList = InferResponseType<Api['initiatives']['$get'], 200>;
export type InitiativeHome = InferResponseType<Initiative['$get'], 200>;
export type SpaceDetail = InferResponseType<Api['spaces'][':spaceId']['$get'], 200>;
export type MemberList = InferResponseType<Initiative['members']['$get'], 200>;
export type InvitationList = InferResponseType<Initiative['invitations']['$get'], 200>;
export type CreatedInvitation = InferResponseType<Initiative['invitations']['$post'], 201>;
export type AuditList = InferResponseType<Initiative['audit']['$get'], 200>;
export type InvitationPreview = InferResponseType<Api['invitations'][':code']['$get'], 200>;
export type StoryList = InferResponseType<Initiative['stories']['$get'], 200>;
export type StoryDetail = InferResponseType<Api['stories'][':storyId']['$get'], 200>;
export type PhotoList = InferResponseType<Api['stories'][':storyId']['photos']['$get'], 200>;
export type StoryVersionList = InferResponseType<
  Api['stories'][':storyId']['versions']['$get'],
  200
>;
export type RecordingList = InferResponseType<
  Api['stories'][':storyId']['recordings']['$get'],
  200
>;
