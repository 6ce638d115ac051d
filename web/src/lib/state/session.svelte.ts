// TODO(issue 10): GroupValidation.svelte, owned by the method-rules change, still imports the old
// name; remove this file once it reads `getSignIn` from './sign-in.svelte'.
export { getSignIn as getSession } from './sign-in.svelte';
