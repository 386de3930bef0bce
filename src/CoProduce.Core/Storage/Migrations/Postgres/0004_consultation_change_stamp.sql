-- 0002 consultation change stamp: a new random value on every save of a consultation, which the
-- in-memory ConsultationCache compares to know its copy is still current. Existing rows start at zero;
-- the default is only for them (the model has none).
ALTER TABLE consultations ADD COLUMN change_stamp uuid NOT NULL DEFAULT '00000000-0000-0000-0000-000000000000';
ALTER TABLE consultations ALTER COLUMN change_stamp DROP DEFAULT;
