-- The demo initiative's people, so that in demo mode the sign-in page can offer "continue as"
-- them and no one else. A restored copy of the initiative elsewhere is not a demo.
CREATE TABLE demo_people (
  account_id uuid PRIMARY KEY REFERENCES accounts (id) ON DELETE CASCADE,
  initiative_id uuid NOT NULL REFERENCES initiatives (id) ON DELETE CASCADE,
  position integer NOT NULL
);
