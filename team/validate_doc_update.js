// Installed as the team database's design document `_design/learning-loop` (npm run team:setup,
// or docs/TEAM-SPACE.md's steps). CouchDB runs it on every write: a member writes only their own
// documents, named after them, and within the caps every member's browser draws without freezing
// (the same numbers and rules as lib/team/bounds.ts; team:setup puts lib/team/caps.json where
// CAPS stands). Only an admin changes the rules. Reading is limited to members by the database's
// _security object, not here. ES5: CouchDB's JavaScript engine may be an old SpiderMonkey.
function (newDoc, oldDoc, userCtx) {
  var caps = CAPS;
  if (userCtx.roles.indexOf('_admin') !== -1) return;
  if (newDoc._id.indexOf('_design/') === 0) throw { forbidden: 'Only an admin changes the team rules.' };
  if (oldDoc && oldDoc.author !== userCtx.name) throw { forbidden: 'This is another member\'s document.' };
  if (newDoc._deleted) return;
  if (newDoc.author !== userCtx.name) throw { forbidden: 'A document must name you as its author.' };
  if (newDoc._attachments) throw { forbidden: 'A team document carries no attachments.' };
  var own = {};
  var key;
  for (key in newDoc) if (Object.prototype.hasOwnProperty.call(newDoc, key) && (key === '_id' || key.charAt(0) !== '_')) own[key] = newDoc[key];
  var chars = 0;
  function walk(value) {
    var i;
    if (typeof value === 'string') chars += value.length;
    else if (Object.prototype.toString.call(value) === '[object Array]') for (i = 0; i < value.length; i++) walk(value[i]);
    else if (typeof value === 'object' && value !== null) for (i in value) if (Object.prototype.hasOwnProperty.call(value, i)) walk(value[i]);
  }
  function utf8Bytes(text) {
    var bytes = 0;
    var i;
    var code;
    var next;
    for (i = 0; i < text.length; i++) {
      code = text.charCodeAt(i);
      if (code < 0x80) bytes += 1;
      else if (code < 0x800) bytes += 2;
      else if (code >= 0xd800 && code < 0xdc00 && i + 1 < text.length) {
        next = text.charCodeAt(i + 1);
        if (next >= 0xdc00 && next < 0xe000) {
          bytes += 4;
          i++;
        } else bytes += 3;
      } else bytes += 3;
    }
    return bytes;
  }
  var finite = function (n) { return typeof n === 'number' && isFinite(n); };
  if (newDoc.type === 'shared') {
    if (newDoc._id.indexOf('shared/' + userCtx.name + '/') !== 0) throw { forbidden: 'A shared item\'s id starts with shared/<your name>/.' };
    if (typeof newDoc.title !== 'string' || typeof newDoc.sharedAt !== 'number') throw { forbidden: 'A shared item has a title and a time.' };
    var lists = ['takeaways', 'quotes', 'clips'];
    for (var l = 0; l < lists.length; l++) {
      var list = newDoc[lists[l]];
      if (list === undefined) continue;
      if (Object.prototype.toString.call(list) !== '[object Array]') throw { forbidden: 'A shared item\'s ' + lists[l] + ' are a list.' };
      if (list.length > caps[lists[l]]) throw { forbidden: 'A shared item carries at most ' + caps[lists[l]] + ' ' + lists[l] + '.' };
    }
    if (newDoc.clips) {
      var bound = finite(newDoc.durationSec) && newDoc.durationSec > 0 ? newDoc.durationSec : caps.clipSecWithoutLength;
      for (var c = 0; c < newDoc.clips.length; c++) {
        var clip = newDoc.clips[c];
        if (typeof clip !== 'object' || clip === null) throw { forbidden: 'A clip has a time.' };
        var inside = finite(clip.atSec) && clip.atSec >= 0 && clip.atSec <= bound;
        if (inside && clip.endSec !== undefined) inside = finite(clip.endSec) && clip.endSec > clip.atSec && clip.endSec <= Math.ceil(bound);
        if (!inside) throw { forbidden: 'A clip lies within its video, or within a day when its length is unknown.' };
      }
    }
  } else if (newDoc.type === 'check') {
    if (newDoc._id !== 'check/' + userCtx.name) throw { forbidden: 'A check\'s id is check/<your name>.' };
    if (typeof newDoc.scores !== 'object' || newDoc.scores === null) throw { forbidden: 'A check has scores.' };
  } else if (newDoc.type === 'reaction') {
    // A reaction to a teammate's item (rules version 3): thanks, trying, tried (with an optional
    // effect) once per member and item, comments many. The item's existence cannot be checked
    // here; every browser ignores reactions to items no longer shared.
    var kinds = ['thanks', 'trying', 'tried', 'comment'];
    var fields = ['_id', 'type', 'author', 'kind', 'item', 'at', 'text', 'effect'];
    for (key in own) if (Object.prototype.hasOwnProperty.call(own, key) && fields.indexOf(key) === -1) throw { forbidden: 'A reaction carries no field ' + key + '.' };
    if (kinds.indexOf(newDoc.kind) === -1) throw { forbidden: 'A reaction is thanks, trying, tried or a comment.' };
    if (typeof newDoc.item !== 'string' || !/^shared\/[^\/]{1,200}\/[^\/]{1,200}$/.test(newDoc.item)) throw { forbidden: 'A reaction names its item as shared/<author>/<resource id>.' };
    if (!finite(newDoc.at)) throw { forbidden: 'A reaction has a time.' };
    var base = 'reaction/' + userCtx.name + '/' + newDoc.kind + '/' + newDoc.item.substring(7);
    if (newDoc.kind === 'comment') {
      if (newDoc._id.indexOf(base + '/') !== 0 || !/^[A-Za-z0-9_-]{1,64}$/.test(newDoc._id.substring(base.length + 1))) throw { forbidden: 'A comment\'s id is reaction/<your name>/comment/<item author>/<resource id>/<comment id>.' };
      if (typeof newDoc.text !== 'string' || newDoc.text.length < 1 || newDoc.text.length > caps.reactionText) throw { forbidden: 'A comment holds 1 to ' + caps.reactionText + ' characters.' };
    } else {
      if (newDoc._id !== base) throw { forbidden: 'A reaction\'s id is reaction/<your name>/<kind>/<item author>/<resource id>.' };
      if (newDoc.text !== undefined) throw { forbidden: 'Only a comment carries text.' };
    }
    if (newDoc.effect !== undefined && (newDoc.kind !== 'tried' || typeof newDoc.effect !== 'string' || newDoc.effect.length > caps.reactionText)) throw { forbidden: 'Only a tried-it carries an effect, of at most ' + caps.reactionText + ' characters.' };
  } else throw { forbidden: 'Learning Loop keeps only shared items, checks and reactions here.' };
  walk(own);
  if (chars > caps.textChars) throw { forbidden: 'A team document holds at most ' + caps.textChars + ' characters of text.' };
  if (utf8Bytes(JSON.stringify(own)) > caps.docBytes) throw { forbidden: 'A team document is at most ' + caps.docBytes + ' bytes.' };
}
