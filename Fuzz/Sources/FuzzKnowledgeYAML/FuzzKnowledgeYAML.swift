import KnowledgeBase

/// libFuzzer entry: the bytes as one knowledge-base entity file beside a small schema, loaded.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
  let text = String(decoding: UnsafeBufferPointer(start: data, count: data == nil ? 0 : size), as: UTF8.self)
  let schema = "kinds:\n  person:\n    label: Person\nproperties:\n  affiliation:\n    label: affiliation\n"
  _ = KnowledgeLoader.load(
    [SourceFile(path: "kb/schema.yaml", text: schema), SourceFile(path: "kb/person/x.yaml", text: text)], root: "kb")
  return 0
}
