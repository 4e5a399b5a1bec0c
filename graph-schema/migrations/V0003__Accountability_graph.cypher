// The accountability model (graph-schema/model/): every record carries :Record and a unique id, across types.
CREATE CONSTRAINT record_id_unique IF NOT EXISTS
FOR (r:Record) REQUIRE r.id IS UNIQUE;

// Name search across scripts: searchText holds the folded Latin words of every name and searchable title.
CREATE FULLTEXT INDEX record_name_search IF NOT EXISTS
FOR (n:Person|Unit|Incident|Victim|Order|Evidence|Source|Deployment) ON EACH [n.searchText];

// Properties the model marks "index: true" (partial dates are indexed by their earliest day).
CREATE INDEX incident_startMin IF NOT EXISTS
FOR (n:Incident) ON (n.startMin);

CREATE INDEX evidence_sha256 IF NOT EXISTS
FOR (n:Evidence) ON (n.sha256);
