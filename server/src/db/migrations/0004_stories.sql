-- Stories in their tellers' own words (issue 5). The body is the collaborative document
-- story.<id>.body; this table holds what the policy and the lists need.
CREATE TABLE stories (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  initiative_id uuid NOT NULL REFERENCES initiatives (id) ON DELETE CASCADE,
  space_id uuid NOT NULL REFERENCES spaces (id),
  teller_id uuid NOT NULL REFERENCES accounts (id),
  title text NOT NULL,
  language text NOT NULL,
  tags text[] NOT NULL DEFAULT '{}',
  audience text NOT NULL DEFAULT 'only_me' CHECK (audience IN ('only_me', 'peer_group', 'working_group')),
  credit text NOT NULL DEFAULT 'anonymous' CHECK (credit IN ('name', 'pseudonym', 'anonymous')),
  pseudonym text,
  quoting text NOT NULL DEFAULT 'no' CHECK (quoting IN ('yes', 'ask_first', 'no')),
  withdrawn_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CHECK ((credit = 'pseudonym') = (pseudonym IS NOT NULL))
);
CREATE INDEX stories_initiative ON stories (initiative_id, created_at DESC);

-- People the teller asked to help write (a facilitator or a peer).
CREATE TABLE story_supporters (
  story_id uuid NOT NULL REFERENCES stories (id) ON DELETE CASCADE,
  account_id uuid NOT NULL REFERENCES accounts (id),
  added_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (story_id, account_id)
);
