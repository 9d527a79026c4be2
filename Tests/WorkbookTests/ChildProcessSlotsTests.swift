import Dispatch
import Testing

@testable import Workbook

/// Child processes share the concurrency budget.
@Suite struct ChildProcessSlotsTests {
    /// The first child of two slots gets both threads, the second one each; a third waits for a slot.
    @Test func slotsDivideTheBudgetAndBlockWhenFull() {
        let slots = ChildProcessSlots(workers: 2)
        #expect(slots.acquire() == 2)
        #expect(slots.acquire() == 1)
        let third = DispatchSemaphore(value: 0)
        DispatchQueue.global().async {
            _ = slots.acquire()
            third.signal()
        }
        #expect(third.wait(timeout: .now() + 0.2) == .timedOut, "a third child waits while both slots are taken")
        slots.release()
        #expect(third.wait(timeout: .now() + 10) == .success)
        slots.release()
        slots.release()
        #expect(slots.acquire() == 2, "all slots free again")
        slots.release()  // (a DispatchSemaphore must be back at its initial value when freed)
    }
}
