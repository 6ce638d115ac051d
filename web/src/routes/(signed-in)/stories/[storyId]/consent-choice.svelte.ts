import type { Consent, Credit, Quoting, StoryAudience } from '@mizug/domain';

/**
 * What the teller is choosing in a consent form (for a story or one of its photos), theirs until
 * they save: it starts from the saved consent and a reload of the page leaves it alone.
 */
export class ConsentChoice {
  audience = $state<StoryAudience>('only_me');
  credit = $state<Credit>('anonymous');
  /** Kept while another credit is chosen, so switching back loses nothing. */
  pseudonym = $state('');
  quoting = $state<Quoting>('no');

  constructor(start: Consent) {
    this.audience = start.audience;
    this.credit = start.credit;
    this.pseudonym = start.credit === 'pseudonym' ? start.pseudonym : '';
    this.quoting = start.quoting;
  }

  /** The choice as `consentSchema` reads it: a pseudonym only when one is the credit. */
  input() {
    const { audience, quoting, credit, pseudonym } = this;
    return credit === 'pseudonym'
      ? { audience, quoting, credit, pseudonym }
      : { audience, quoting, credit };
  }
}
