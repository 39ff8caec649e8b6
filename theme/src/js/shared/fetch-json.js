// JSON from the site itself, each URL fetched once per page (a failed fetch may be retried).

const cache = new Map();

export function fetchJSON(url, options) {
  if (!cache.has(url)) {
    const request = fetch(url, options).then((response) => {
      if (!response.ok) {
        throw new Error("could not load " + url + " (" + response.status + ")");
      }
      return response.json();
    });
    request.catch(() => { cache.delete(url); });
    cache.set(url, request);
  }
  return cache.get(url);
}
