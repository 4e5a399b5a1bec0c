// What the strength rule and the path summaries need of each claim: its author's research status, validity bounds, the records it
// links (not its evidence), and every citation with the evidence item's grade and what ties items to one source
// (an item's origin: the channel it was published in, else its source's pseudonym, which a forward names).
// An issuance holds from its order's date.
UNWIND $ids AS claimId
MATCH (c:Record {id: claimId})
RETURN c.id AS id, c.type AS type, c.research AS research, c.start AS start, c.end AS end,
       c.fromMin AS fromMin, c.fromMax AS fromMax, c.toMin AS toMin, c.toMax AS toMax,
       c.role AS role, c.relation AS relation, c.basis AS basis, c.title AS title, c.rank AS rank,
       c.relationship AS relationship, c.share AS share, c.country AS country, c.place AS place,
       head([(c)-[:ORDER]->(o:Order) | [o.date, o.dateMin, o.dateMax]]) AS orderDate,
       [(c)-[l]->(t:Entity) WHERE type(l) <> 'CITES' | {edge: type(l), id: t.id, type: t.type, name: t.name}] AS links,
       [(c)-[ct:CITES]->(e:Evidence) | {
           evidence: e.id, title: e.name, stance: ct.stance, pinpoint: ct.pinpoint, kind: e.kind, sha256: e.sha256,
           forwardedFrom: e.forwardedFrom, credibility: e.credibility,
           origin: coalesce(e.channel, head([(e)-[:FROM_SOURCE]->(s) | s.pseudonym])),
           copyOf: head([(e)-[:COPY_OF]->(o) | o.id]),
           source: head([(e)-[:FROM_SOURCE]->(s) | s.id]),
           reliability: head([(e)-[:FROM_SOURCE]->(s) | s.reliability]),
           authoredBy: head([(e)-[:AUTHORED_BY]->(a) | a.id])}] AS citations
