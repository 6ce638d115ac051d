-- At the final co-writing (MK-8), every person a finding's statement quotes approves their quote
-- and the credit it will carry before the finding can be final (issue 11). One request per
-- finding and cited card, to the card's teller or author; the credit is the one asked about, so
-- a later change of the story's attribution asks again.
CREATE TABLE finding_quote_approvals (
  finding_id uuid NOT NULL REFERENCES findings (id) ON DELETE CASCADE,
  card_id uuid NOT NULL REFERENCES insight_cards (id) ON DELETE CASCADE,
  person_id uuid NOT NULL REFERENCES accounts (id),
  credit text NOT NULL CHECK (credit IN ('name', 'pseudonym', 'anonymous')),
  credit_name text,
  requested_at timestamptz NOT NULL DEFAULT clock_timestamp(),
  decision text CHECK (decision IN ('approved', 'declined')),
  decided_at timestamptz,
  CHECK ((decision IS NULL) = (decided_at IS NULL)),
  PRIMARY KEY (finding_id, card_id)
);
CREATE INDEX finding_quote_approvals_card ON finding_quote_approvals (card_id);
