-- Insight cards (issue 11): a passage quoted from a source into a space. What the card shows
-- about its source (its group, its teller's credit, whether it was withdrawn) is read from the
-- source live, never copied, so a withdrawal or a changed credit reaches every card at once.
CREATE TABLE insight_cards (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  initiative_id uuid NOT NULL REFERENCES initiatives (id) ON DELETE CASCADE,
  -- Where it was made: its readers read it.
  space_id uuid NOT NULL REFERENCES spaces (id) ON DELETE CASCADE,
  source_kind text NOT NULL CHECK (source_kind IN ('story', 'canvas', 'post', 'release')),
  story_id uuid REFERENCES stories (id) ON DELETE CASCADE,
  canvas_id uuid REFERENCES stage_canvases (id) ON DELETE CASCADE,
  post_id uuid REFERENCES stage_contributions (id) ON DELETE CASCADE,
  release_id uuid REFERENCES stage_releases (id) ON DELETE CASCADE,
  release_item integer,
  quote text NOT NULL,
  -- Y.encodeRelativePosition of the quote's start and end in a collaborative source.
  anchor_start bytea,
  anchor_end bytea,
  created_by uuid NOT NULL REFERENCES accounts (id),
  created_at timestamptz NOT NULL DEFAULT clock_timestamp(),
  -- Exactly the reference its kind needs.
  CHECK (num_nonnulls(story_id, canvas_id, post_id, release_id) = 1),
  CHECK (
    (source_kind = 'story' AND story_id IS NOT NULL)
    OR (source_kind = 'canvas' AND canvas_id IS NOT NULL)
    OR (source_kind = 'post' AND post_id IS NOT NULL)
    OR (source_kind = 'release' AND release_id IS NOT NULL AND release_item IS NOT NULL)
  ),
  CHECK ((anchor_start IS NULL) = (anchor_end IS NULL))
);
CREATE INDEX insight_cards_space ON insight_cards (space_id, created_at);
CREATE INDEX insight_cards_story ON insight_cards (story_id) WHERE story_id IS NOT NULL;

-- The codes a card carries go with the card.
ALTER TABLE codings
  ADD FOREIGN KEY (card_id) REFERENCES insight_cards (id) ON DELETE CASCADE;
