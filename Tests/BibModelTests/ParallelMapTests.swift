import BibModel
import Synchronization
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

  /// Batches taken in turn: every element once, in order, whatever the count and batch size;
  /// each core makes one state (at most one per concurrent worker) and keeps it for its batches.
  @Test(arguments: [(0, 1), (1, 4), (2, 1), (255, 32), (1000, 1), (1000, 32), (1001, 7), (5000, 600)])
  func batchesTakenInTurnMapEveryElementInOrder(count: Int, batch: Int) {
    let states = Mutex(0)
    let values = ParallelMap.map(
      count: count, minimumCount: 2, batch: batch,
      makeState: { parallel -> [Int] in
        states.withLock { $0 += 1 }
        return [parallel ? 1 : 0]
      }
    ) { range, state -> [Int] in
      state.append(range.count)
      return range.map { $0 * 3 }
    }
    #expect(values == (0..<count).map { $0 * 3 })
    let made = states.withLock { $0 }
    #expect(made >= 1 && made <= 16)
    #expect(made <= max(1, (count + batch - 1) / batch))
  }
}
