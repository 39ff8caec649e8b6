// lunr.js as the pages have it: a global, set before the search modules load (import this
// module first).
import { createRequire } from "node:module";

globalThis.lunr = createRequire(import.meta.url)("lunr");
