-- Synthesis boards and their findings (issue 11). The live part of a board (which card sits in
-- which finding, each finding's texts) is its collaborative document `board.<id>.layout`; what
-- is decided and audited is here.
CREATE TABLE boards (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  initiative_id uuid NOT NULL REFERENCES initiatives (id) ON DELETE CASCADE,
  -- Its readers are the space's readers; its cards are the cards made in the space.
  space_id uuid NOT NULL REFERENCES spaces (id) ON DELETE CASCADE,
  -- The method session whose stages work on it, if any (one board per session and space).
  session_id uuid REFERENCES method_sessions (id) ON DELETE CASCADE,
  title text NOT NULL,
  created_by uuid NOT NULL REFERENCES accounts (id),
  created_at timestamptz NOT NULL DEFAULT clock_timestamp()
);
CREATE UNIQUE INDEX boards_session_space ON boards (session_id, space_id)
  WHERE session_id IS NOT NULL;
CREATE INDEX boards_space ON boards (space_id, created_at);

CREATE TABLE findings (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  board_id uuid NOT NULL REFERENCES boards (id) ON DELETE CASCADE,
  initiative_id uuid NOT NULL REFERENCES initiatives (id) ON DELETE CASCADE,
  title text NOT NULL,
  status text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'returned', 'final')),
  -- 0 until first returned; each return opens the next round.
  round integer NOT NULL DEFAULT 0,
  position integer NOT NULL,
  created_by uuid NOT NULL REFERENCES accounts (id),
  created_at timestamptz NOT NULL DEFAULT clock_timestamp()
);
CREATE INDEX findings_board ON findings (board_id, position);
CREATE INDEX findings_initiative ON findings (initiative_id);

-- What the statement said when each round was returned: the diff the groups see next round.
CREATE TABLE finding_rounds (
  finding_id uuid NOT NULL REFERENCES findings (id) ON DELETE CASCADE,
  round integer NOT NULL,
  statement text NOT NULL,
  returned_by uuid NOT NULL REFERENCES accounts (id),
  returned_at timestamptz NOT NULL DEFAULT clock_timestamp(),
  PRIMARY KEY (finding_id, round)
);

-- Each member's decision for their group in a round; the group's rule says when one stands.
CREATE TABLE finding_decisions (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  finding_id uuid NOT NULL REFERENCES findings (id) ON DELETE CASCADE,
  round integer NOT NULL,
  space_id uuid NOT NULL REFERENCES spaces (id) ON DELETE CASCADE,
  decision text NOT NULL CHECK (decision IN ('approve', 'changes', 'reject')),
  comment text NOT NULL DEFAULT '',
  recorded_by uuid NOT NULL REFERENCES accounts (id),
  recorded_at timestamptz NOT NULL DEFAULT clock_timestamp(),
  -- A member records one decision per round; recording again replaces it.
  UNIQUE (finding_id, round, space_id, recorded_by)
);

-- Minority positions kept with their group of origin.
CREATE TABLE finding_disagreements (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  finding_id uuid NOT NULL REFERENCES findings (id) ON DELETE CASCADE,
  space_id uuid NOT NULL REFERENCES spaces (id) ON DELETE CASCADE,
  position text NOT NULL,
  recorded_by uuid NOT NULL REFERENCES accounts (id),
  recorded_at timestamptz NOT NULL DEFAULT clock_timestamp()
);
CREATE INDEX finding_disagreements_finding ON finding_disagreements (finding_id, recorded_at);
