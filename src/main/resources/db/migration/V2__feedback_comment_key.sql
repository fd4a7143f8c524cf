-- A "not helpful" vote is kept when it is clicked; the visitor's comment, if any, follows with this key.
ALTER TABLE feedback ADD COLUMN comment_key VARCHAR(64);
