-- Insight cards quote two more parts of a story (issue 11): a photo's caption and a recording's
-- transcript. Such a card keeps its story (story_id, whose deletion takes the card with it) and
-- the photo or recording it quotes. Those references carry no foreign key on purpose: removing a
-- photo or a recording is how its teller withdraws it, and the cards quoting it must stay, shown
-- as withdrawn, instead of vanishing from the boards they sit on.
ALTER TABLE insight_cards
  ADD COLUMN photo_id uuid,
  ADD COLUMN recording_id uuid,
  DROP CONSTRAINT insight_cards_source_kind_check,
  DROP CONSTRAINT insight_cards_check1,
  ADD CONSTRAINT insight_cards_source_kind_check CHECK (
    source_kind IN ('story', 'photo', 'transcript', 'canvas', 'post', 'release')
  ),
  -- Exactly the reference its kind needs (one of story, canvas, post, release stays checked by
  -- insight_cards_check).
  ADD CONSTRAINT insight_cards_reference_check CHECK (
    (source_kind = 'story' AND story_id IS NOT NULL AND photo_id IS NULL AND recording_id IS NULL)
    OR (source_kind = 'photo' AND story_id IS NOT NULL AND photo_id IS NOT NULL AND recording_id IS NULL)
    OR (source_kind = 'transcript' AND story_id IS NOT NULL AND recording_id IS NOT NULL AND photo_id IS NULL)
    OR (source_kind = 'canvas' AND canvas_id IS NOT NULL)
    OR (source_kind = 'post' AND post_id IS NOT NULL)
    OR (source_kind = 'release' AND release_id IS NOT NULL AND release_item IS NOT NULL)
  );

-- The knowledge a named peer space carries, as its initiative says: lived experience, practice,
-- academic knowledge, or its own named group ('group'). Built-in spaces carry their kind's.
ALTER TABLE spaces
  ADD COLUMN knowledge text CHECK (knowledge IN ('lived_experience', 'practice', 'academic', 'group'));
UPDATE spaces SET knowledge = 'group' WHERE kind = 'peer';
ALTER TABLE spaces ADD CHECK ((kind = 'peer') = (knowledge IS NOT NULL));

-- The owner of a success may attach one of their stories as the material of LS-1–3 instead of
-- retyping it; taking the story away (deleting it) takes it off.
ALTER TABLE method_sessions
  ADD COLUMN owner_story_id uuid REFERENCES stories (id) ON DELETE SET NULL;
