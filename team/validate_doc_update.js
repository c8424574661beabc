// Installed as the team database's design document `_design/learning-loop` (npm run team:setup,
// or docs/TEAM-SPACE.md's steps). CouchDB runs it on every write: a member writes only their own
// documents, named after them; only an admin changes the rules. Reading is limited to members by
// the database's _security object, not here.
function (newDoc, oldDoc, userCtx) {
  if (userCtx.roles.indexOf('_admin') !== -1) return;
  if (newDoc._id.indexOf('_design/') === 0) throw { forbidden: 'Only an admin changes the team rules.' };
  if (oldDoc && oldDoc.author !== userCtx.name) throw { forbidden: 'This is another member\'s document.' };
  if (newDoc._deleted) return;
  if (newDoc.author !== userCtx.name) throw { forbidden: 'A document must name you as its author.' };
  if (newDoc.type === 'shared') {
    if (newDoc._id.indexOf('shared/' + userCtx.name + '/') !== 0) throw { forbidden: 'A shared item\'s id starts with shared/<your name>/.' };
    if (typeof newDoc.title !== 'string' || typeof newDoc.sharedAt !== 'number') throw { forbidden: 'A shared item has a title and a time.' };
    return;
  }
  if (newDoc.type === 'check') {
    if (newDoc._id !== 'check/' + userCtx.name) throw { forbidden: 'A check\'s id is check/<your name>.' };
    if (typeof newDoc.scores !== 'object' || newDoc.scores === null) throw { forbidden: 'A check has scores.' };
    return;
  }
  throw { forbidden: 'Learning Loop keeps only shared items and checks here.' };
}
