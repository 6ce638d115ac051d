-- Short voice recordings in a story (issue 5), with a transcript the teller or a supporter types.
CREATE TABLE story_recordings (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  story_id uuid NOT NULL REFERENCES stories (id) ON DELETE CASCADE,
  added_by uuid NOT NULL REFERENCES accounts (id),
  mime text NOT NULL CHECK (mime IN ('audio/webm', 'audio/ogg', 'audio/mp4')),
  bytes bytea NOT NULL,
  transcript text NOT NULL DEFAULT '',
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX story_recordings_story ON story_recordings (story_id, created_at);
