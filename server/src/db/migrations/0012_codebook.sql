-- The codebook (issue 11): an initiative's hierarchical codes (themes), and the codes each
-- insight card carries. Names and descriptions are localized text {he?, ar?, en?}.
CREATE TABLE codes (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  initiative_id uuid NOT NULL REFERENCES initiatives (id) ON DELETE CASCADE,
  -- The theme this code sits under; the service refuses cycles and parents of another initiative.
  parent_id uuid REFERENCES codes (id) ON DELETE SET NULL,
  name jsonb NOT NULL,
  description jsonb NOT NULL DEFAULT '{}',
  colour text NOT NULL CHECK (colour ~ '^#[0-9a-f]{6}$'),
  position integer NOT NULL DEFAULT 0,
  created_by uuid NOT NULL REFERENCES accounts (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CHECK (parent_id IS NULL OR parent_id <> id)
);
CREATE INDEX codes_initiative ON codes (initiative_id, parent_id, position);

-- The codes a card carries. The foreign key to insight_cards comes with 0013.
CREATE TABLE codings (
  code_id uuid NOT NULL REFERENCES codes (id) ON DELETE CASCADE,
  card_id uuid NOT NULL,
  coded_by uuid NOT NULL REFERENCES accounts (id),
  coded_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (code_id, card_id)
);
CREATE INDEX codings_card ON codings (card_id);
