MATCH (c:Case {id: $id})
RETURN c
