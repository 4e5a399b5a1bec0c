// Companies, real estate, vehicles and bank accounts are found by name too: the full-text index covers their labels.
DROP INDEX record_name_search IF EXISTS;

CREATE FULLTEXT INDEX record_name_search IF NOT EXISTS
FOR (n:Person|Unit|Incident|Victim|Order|Evidence|Source|Deployment|Company|RealEstate|Vehicle|BankAccount) ON EACH [n.searchText];
