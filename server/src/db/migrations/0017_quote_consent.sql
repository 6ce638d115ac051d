-- Quote consent (issue 11): a card quoting a story whose quoting is "ask me first" asks its
-- teller; the answer is kept per card. Whether a card needs one is read from the story now, so a
-- later change of the story's quoting choice applies at once; a card without a row while its
-- story asks first is pending.
CREATE TABLE quote_requests (
  card_id uuid PRIMARY KEY REFERENCES insight_cards (id) ON DELETE CASCADE,
  story_id uuid NOT NULL REFERENCES stories (id) ON DELETE CASCADE,
  requested_at timestamptz NOT NULL DEFAULT clock_timestamp(),
  decision text CHECK (decision IN ('approved', 'declined')),
  decided_at timestamptz,
  CHECK ((decision IS NULL) = (decided_at IS NULL))
);
CREATE INDEX quote_requests_story ON quote_requests (story_id);

-- The teller of a quoted story (or the author of a quoted post) withdrew this one quote: the card
-- shows withdrawn everywhere, like one whose source was withdrawn.
ALTER TABLE insight_cards ADD COLUMN quote_withdrawn_at timestamptz;
CREATE INDEX insight_cards_post ON insight_cards (post_id) WHERE post_id IS NOT NULL;
