// Benchmark only (bench/pages/bench-script-floor.html): the least work a popup's list and its Save
// this page need, in one small classic script with nothing to load beside it. The list's place is
// marked as soon as the script runs (the popup's list comes from a snapshot, no database); Save is
// shown once the tab is read and its address looked up in the extension's database, as the popup's
// Save waits for. The popup is timed against this page in the same rounds.
(() => {
  const list = document.createElement('section');
  list.className = 'recent';
  list.append(Object.assign(document.createElement('p'), { className: 'empty', textContent: 'Nothing saved yet' }));
  document.body.append(list);
  const showSave = () => {
    const button = Object.assign(document.createElement('button'), { type: 'button', textContent: 'Save this page' });
    document.body.prepend(button);
  };
  const lookUp = (url) => {
    // The database as the extension left it; never created or upgraded here.
    const open = indexedDB.open('learning-loop');
    open.onupgradeneeded = () => open.transaction.abort();
    open.onerror = showSave;
    open.onsuccess = () => {
      const db = open.result;
      try {
        const get = db.transaction('resources').objectStore('resources').index('canonicalUrl').get(url);
        get.onsuccess = get.onerror = () => {
          db.close();
          showSave();
        };
      } catch {
        db.close();
        showSave();
      }
    };
  };
  const tabId = Number(new URLSearchParams(location.search).get('tab'));
  chrome.tabs.get(tabId).then((tab) => {
    // Save's floor without any database: the tab's address known (the benchmark reads this mark).
    performance.mark('floor:tab-read');
    lookUp(tab.url ?? '');
  }, showSave);
})();
