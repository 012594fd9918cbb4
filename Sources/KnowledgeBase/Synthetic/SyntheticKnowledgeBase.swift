/// A deterministic synthetic knowledge base and bibliography for benchmarks: organisations with
/// about twenty statements each, people, and a few thousand sources. Well-formed and clean except
/// for a sprinkling of unsourced statements and conflicts, so the checker has something to say.
public enum SyntheticKnowledgeBase {
  /// Files to write (paths relative to the output folder): `Knowledge/…`, `Bibliography/synthetic.json`.
  public static func generate(statements: Int, perEntity: Int = 20) -> [SourceFile] {
    var random = SplitMix(seed: 42)
    let organisations = max(1, statements / perEntity)
    let people = max(2, organisations / 5)
    let sourceCount = max(10, statements / 50)
    var files = [SourceFile(path: "Knowledge/schema.yaml", text: schema)]
    for index in 0..<people {
      files.append(
        SourceFile(
          path: "Knowledge/person/p\(index).yaml",
          text: "id: p\(index)\nkind: person\nlabels:\n  en: Person \(index)\n  zh-Hans: 人物\(index)\n"))
    }
    var remaining = statements
    for index in 0..<organisations {
      let count = index == organisations - 1 ? remaining : min(perEntity, remaining)
      remaining -= count
      var text = "id: o\(index)\nkind: org\nlabels:\n  en: Organisation \(index)\n"
      text += "  zh-Hans: 组织\(index)\nstatements:\n"
      var byProperty: [String: [String]] = [:]
      for number in 0..<count {
        let source = "s\(random.next(sourceCount))"
        let page = 1 + random.next(20)
        var references = "      references:\n        - source: \(source)\n          locator: \"\(page)\"\n"
        if random.next(3) == 0 {
          references +=
            "        - source: s\(random.next(sourceCount))\n          quote: \"a quotation of some length\"\n"
        }
        if random.next(500) == 0 { references = "" }
        let property: String
        let value: String
        switch number {
        case 0:
          property = "founded"
          value = "\"\(1950 + random.next(60))-\(pad(1 + random.next(12)))\""
        case 1:
          property = "category"
          value = ["economy", "security", "party"][random.next(3)]
        case 2:
          property = "head"
          value = "p\(random.next(people))"
        default:
          property = number % 2 == 0 ? "member" : "remark"
          value = property == "member" ? "p\(random.next(people))" : "\"remark \(number) about the organisation\""
        }
        var statement = "    - value: \(value)\n"
        if property == "member" {
          statement += "      qualifiers:\n        start: \"\(1990 + random.next(25))\"\n"
        }
        byProperty[property, default: []].append(statement + references)
      }
      for property in ["founded", "category", "head", "member", "remark"] {
        guard let items = byProperty[property] else { continue }
        text += "  \(property):\n" + items.joined()
      }
      files.append(SourceFile(path: "Knowledge/org/o\(index).yaml", text: text))
    }
    var json = "[\n"
    for index in 0..<sourceCount {
      let year = 2015 + random.next(10)
      json += """
          {"id": "s\(index)", "type": "article-journal", "title": "Study number \(index)",
           "author": [{"family": "Author\(index % 97)", "given": "A."}], "container-title": "Journal \(index % 13)",
           "issued": {"date-parts": [[\(year)]]}, "page": "1-40"}\(index == sourceCount - 1 ? "" : ",")

        """
    }
    json += "]\n"
    files.append(SourceFile(path: "Bibliography/synthetic.json", text: json))
    return files
  }

  static func pad(_ value: Int) -> String { value < 10 ? "0\(value)" : String(value) }

  static let schema = """
    kinds:
      org:
        label: Organisation
        expects: [founded, category]
      person:
        label: Person
    properties:
      founded: {kinds: [org], type: date, single-valued: true}
      category: {kinds: [org], type: enum, values: [economy, security, party], single-valued: true}
      head: {kinds: [org], type: entity, entity-kinds: [person], single-valued: true}
      member: {kinds: [org], type: entity, entity-kinds: [person]}
      remark: {kinds: [org], type: text}

    """
}

/// A small deterministic generator (SplitMix64).
struct SplitMix {
  var state: UInt64
  init(seed: UInt64) { state = seed }
  mutating func next(_ bound: Int) -> Int {
    state &+= 0x9E37_79B9_7F4A_7C15
    var value = state
    value = (value ^ (value >> 30)) &* 0xBF58_476D_1CE4_E5B9
    value = (value ^ (value >> 27)) &* 0x94D0_49BB_1331_11EB
    value ^= value >> 31
    return Int(value % UInt64(max(1, bound)))
  }
}
