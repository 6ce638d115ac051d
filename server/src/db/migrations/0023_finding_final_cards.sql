-- A final finding's cards as they were placed when it was made final (issue 11): its cards,
-- balance and credit block are read from here, never from the live board document.
CREATE TABLE finding_final_cards (
  finding_id uuid NOT NULL REFERENCES findings (id) ON DELETE CASCADE,
  card_id uuid NOT NULL REFERENCES insight_cards (id) ON DELETE CASCADE,
  position integer NOT NULL,
  PRIMARY KEY (finding_id, card_id)
);
