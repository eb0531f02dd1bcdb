-- Register file imports leave change history too (issue 3), in the import's transaction: which path
-- wrote a row ('edit' through the API, 'import' of a register file) and, for an import, its run.
-- The run's import_run row is written just after the import's transaction ends (a rejected or failed
-- run is recorded too), with the id reserved at the start, so the column has no foreign key.
ALTER TABLE change_history ADD COLUMN source text NOT NULL DEFAULT 'edit' CHECK (source IN ('edit', 'import'));
ALTER TABLE change_history ADD COLUMN import_run_id bigint;
