-- Photovoice (issue 5): photos attached to stories, stored after their metadata (EXIF, GPS)
-- was stripped. Kept in the database so one backup holds everything.
CREATE TABLE story_photos (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  story_id uuid NOT NULL REFERENCES stories (id) ON DELETE CASCADE,
  added_by uuid NOT NULL REFERENCES accounts (id),
  mime text NOT NULL CHECK (mime IN ('image/jpeg', 'image/png', 'image/webp')),
  bytes bytea NOT NULL,
  sha256 text NOT NULL,
  width integer NOT NULL,
  height integer NOT NULL,
  caption text NOT NULL DEFAULT '',
  alt text NOT NULL,
  -- The teller's consent for this photo; NULL audience means "as the story".
  audience text CHECK (audience IN ('only_me', 'peer_group', 'working_group')),
  credit text CHECK (credit IN ('name', 'pseudonym', 'anonymous')),
  pseudonym text,
  quoting text CHECK (quoting IN ('yes', 'ask_first', 'no')),
  created_at timestamptz NOT NULL DEFAULT now(),
  CHECK ((audience IS NULL) = (credit IS NULL) AND (audience IS NULL) = (quoting IS NULL)),
  CHECK ((credit = 'pseudonym') = (pseudonym IS NOT NULL))
);
CREATE INDEX story_photos_story ON story_photos (story_id, created_at);
