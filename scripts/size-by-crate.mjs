// Where the bytes of each WebAssembly module go, by crate: the code section's function
// bodies summed by the crate their name starts with, and the data section. Needs a build
// that keeps names: WASM_KEEP_NAMES=1 CARGO_PROFILE_RELEASE_STRIP=none trunk build
// --release --dist <dir> (scripts/wasm-split.mjs then runs wasm-opt with -g). Raw bytes:
// gzip shrinks every crate by about the same factor, so the shares hold.
// Usage: node scripts/size-by-crate.mjs <dir> [rows per module]
import { readdirSync, readFileSync, realpathSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

/** Function body sizes and names, and the data section's size, of a module. */
export function readModule(bytes) {
  let at = 8;
  const leb = () => {
    let value = 0;
    let shift = 0;
    let byte;
    do {
      byte = bytes[at++];
      value += (byte & 0x7f) * 2 ** shift;
      shift += 7;
    } while (byte & 0x80);
    return value;
  };
  const skipLimits = () => {
    const flags = bytes[at++];
    leb();
    if (flags & 1) leb();
  };
  let importedFunctions = 0;
  const bodies = [];
  const names = new Map();
  let data = 0;
  while (at < bytes.length) {
    const id = bytes[at++];
    const size = leb();
    const end = at + size;
    if (id === 2) {
      for (let count = leb(); count > 0; count--) {
        // (`at += leb()` would read `at` before leb() moves it.)
        const moduleName = leb();
        at += moduleName;
        const fieldName = leb();
        at += fieldName;
        const kind = bytes[at++];
        if (kind === 0) {
          leb();
          importedFunctions++;
        } else if (kind === 1) {
          at++;
          skipLimits();
        } else if (kind === 2) skipLimits();
        else if (kind === 3) at += 2;
        else if (kind === 4) {
          at++;
          leb();
        }
      }
    } else if (id === 10) {
      for (let count = leb(); count > 0; count--) {
        const length = leb();
        bodies.push(length);
        at += length;
      }
    } else if (id === 11) {
      data = size;
    } else if (id === 0) {
      const nameLength = leb();
      const name = bytes.subarray(at, at + nameLength).toString();
      at += nameLength;
      while (name === "name" && at < end) {
        const sub = bytes[at++];
        const subEnd = at + leb();
        if (sub === 1) {
          for (let count = leb(); count > 0; count--) {
            const index = leb();
            const length = leb();
            names.set(index, bytes.subarray(at, at + length).toString());
            at += length;
          }
        }
        at = subEnd;
      }
    }
    at = end;
  }
  return { functions: bodies.map((size, i) => ({ size, name: names.get(i + importedFunctions) ?? "" })), data };
}

/** A legacy-mangled symbol's path (`_ZN3foo3barE` → `foo::bar`), its escapes decoded. */
function demangleLegacy(name) {
  let at = name.indexOf("ZN") + 2;
  const segments = [];
  while (at < name.length && /\d/.test(name[at])) {
    const digits = name.slice(at).match(/^\d+/)[0];
    at += digits.length;
    segments.push(name.slice(at, at + Number(digits)));
    at += Number(digits);
  }
  const unescape = (segment) =>
    segment
      .replace(/^_\$/, "$")
      .replace(/\$LT\$/g, "<")
      .replace(/\$GT\$/g, ">")
      .replace(/\$u20\$/g, " ")
      .replace(/\$RF\$/g, "&")
      .replace(/\$BP\$/g, "*")
      .replace(/\$C\$/g, ",")
      .replace(/\$u[0-9a-f]+\$/g, "")
      .replace(/\.\./g, "::");
  return segments.map(unescape).join("::");
}

/** The crate a function's name starts with: demangled, legacy (_ZN…E) or v0 (_R…) names. */
export function crateOf(name) {
  if (!name) return "(no name)";
  if (/^_?ZN\d/.test(name)) name = demangleLegacy(name);
  else if (/^_?R[A-Z]/.test(name)) {
    const root = name.match(/C(?:s[0-9A-Za-z]*_)?(\d+)/);
    if (root) return name.slice(root.index + root[0].length, root.index + root[0].length + Number(root[1]));
  }
  if (name.startsWith("__wasm_split")) return "(the split point's own function)";
  let text = name.replace(/^(<|&mut |&|\*const |\*mut |dyn |\(|\[)+/, "");
  // "<T as tachys::view::Render>": a generic type, so the trait's crate.
  if (/^[A-Z]\b/.test(text)) text = text.replace(/^[^ ]* as (<|&mut |&|dyn )*/, "");
  const first = text.split("::")[0].replace(/\[[0-9a-f]+\]$/, "");
  if (/^(f32|f64|u8|u16|u32|u64|u128|i8|i16|i32|i64|i128|usize|isize|str|bool|char)\b/.test(first)) return "core";
  return first.match(/^[A-Za-z_][A-Za-z0-9_]*/)?.[0] ?? "(other)";
}

function report(dir, rows) {
  for (const file of readdirSync(dir).filter((f) => f.endsWith(".wasm")).sort()) {
    const { functions, data } = readModule(readFileSync(join(dir, file)));
    const code = functions.reduce((t, f) => t + f.size, 0);
    if (functions.every((f) => f.name === "")) {
      console.log(`${file}: no function names (build with WASM_KEEP_NAMES=1, see above)`);
      continue;
    }
    const byCrate = new Map();
    for (const f of functions) byCrate.set(crateOf(f.name), (byCrate.get(crateOf(f.name)) ?? 0) + f.size);
    console.log(`\n${file}: code ${code.toLocaleString("en")} B in ${functions.length} functions, data ${data.toLocaleString("en")} B`);
    for (const [crate, size] of [...byCrate].sort((a, b) => b[1] - a[1]).slice(0, rows)) {
      console.log(`  ${size.toLocaleString("en").padStart(9)}  ${((100 * size) / code).toFixed(1).padStart(5)} %  ${crate}`);
    }
  }
}

// Run as a script, not when another script imports its readers.
if (process.argv[1] && realpathSync(process.argv[1]) === realpathSync(fileURLToPath(import.meta.url))) {
  const [dir, rows = "15"] = process.argv.slice(2);
  if (!dir) {
    console.error("usage: node scripts/size-by-crate.mjs <build folder> [rows]");
    process.exit(2);
  }
  report(dir, Number(rows));
}
