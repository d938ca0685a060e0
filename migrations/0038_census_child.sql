-- What the Children in Need census asks about a child and signs did not yet keep. Sex
-- replaced gender in the census from 2024 to 2025 (M, F or U, and U for a child not yet
-- born); the old codes become the new: 1 male, 2 female, anything else not known.
ALTER TABLE children RENAME COLUMN gender TO sex;
UPDATE children SET sex = CASE
    WHEN expected_date IS NOT NULL THEN 'U'
    WHEN sex = '1' THEN 'M'
    WHEN sex = '2' THEN 'F'
    ELSE 'U' END;
ALTER TABLE children ADD COLUMN former_upn TEXT NOT NULL DEFAULT '';
-- Why a child has no UPN (UN1 to UN7), empty when the UPN is known or no reason is given.
ALTER TABLE children ADD COLUMN upn_unknown TEXT NOT NULL DEFAULT '';
ALTER TABLE children ADD COLUMN date_of_death TEXT;
