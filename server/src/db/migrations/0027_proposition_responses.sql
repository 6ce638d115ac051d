-- Practice Wisdom's codification works on a board (issue 11, PW-8): each proposition is a finding
-- on its group's board, and a PW-9 response answers one of them rather than a claim post.
-- Deferred, so a restore may write the posts before the findings they answer.
ALTER TABLE stage_contributions
  ADD COLUMN finding_id uuid REFERENCES findings (id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED;
