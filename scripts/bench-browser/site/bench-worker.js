// passmeter.worker.js, unchanged, wrapped so that make bench can read the
// wasm memory of the instance it starts (self.__wasmBytes()).
self.__instances = [];
{
  const keep = (r) => {
    self.__instances.push(r instanceof WebAssembly.Instance ? r : r.instance);
    return r;
  };
  const s = WebAssembly.instantiateStreaming;
  const i = WebAssembly.instantiate;
  WebAssembly.instantiateStreaming = (...a) => s.apply(WebAssembly, a).then(keep);
  WebAssembly.instantiate = (...a) => i.apply(WebAssembly, a).then(keep);
}
self.__wasmBytes = () => self.__instances.reduce((n, i) => n + i.exports.mem.buffer.byteLength, 0);
importScripts(new URL('passmeter/passmeter.worker.js', self.location.href).href);
