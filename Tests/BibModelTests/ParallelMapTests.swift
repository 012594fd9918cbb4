import BibModel
import Testing

/// The shared order-preserving parallel map: every element once, in order, for any count.
@Suite struct ParallelMapTests {
  @Test(arguments: [0, 1, 2, 3, 17, 65, 255, 1000])
  func mapsEveryElementInOrder(count: Int) {
    let inputs = Array(0..<count)
    #expect(ParallelMap.map(inputs, minimumCount: 2) { $0 * 3 } == inputs.map { $0 * 3 })
  }

  @Test(arguments: [1, 7, 64, 256])
  func chunksCoverTheRangeOnce(itemsPerChunk: Int) {
    let ranges = ParallelMap.map(count: 1000, minimumCount: 2, itemsPerChunk: itemsPerChunk) { [$0] }
    #expect(ranges.flatMap { Array($0) } == Array(0..<1000))
    #expect(ranges.count <= 16)
  }
}
