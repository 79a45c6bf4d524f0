// Health check of the MongoDB service: initiates the one-node replica set "rs0" the first time, then reports
// healthy only while this node is the primary (writes with majority concern need an elected primary).
try {
  rs.status();
} catch (e) {
  rs.initiate({ _id: "rs0", members: [{ _id: 0, host: "mongodb:27017" }] });
}
if (!db.hello().isWritablePrimary) {
  quit(1);
}
