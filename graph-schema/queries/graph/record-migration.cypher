MERGE (m:SchemaMigration {version: $version})
SET m.description = $description,
    m.file = $file,
    m.checksum = $checksum,
    m.installedOn = datetime()
