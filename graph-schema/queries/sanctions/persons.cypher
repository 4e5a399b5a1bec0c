// Every live person the reader's cases see, by id.
MATCH (p:Person)
WHERE p.retiredAt IS NULL AND ($everyCase OR any(k IN p.cases WHERE k IN $cases))
RETURN p.id AS id
ORDER BY p.id
