-- The municipality's own household number (世帯番号). Register files carry it, so that a delta
-- import can put a new resident into a household stored by an earlier import, and an export can be
-- imported back with its households intact. Unique per municipality where given; households made by
-- the demo generator have none (an export writes 'H' and the id for them).
ALTER TABLE household ADD COLUMN household_no text CHECK (household_no <> '');
CREATE UNIQUE INDEX household_number_idx ON household (municipality_code, household_no) WHERE household_no IS NOT NULL;
