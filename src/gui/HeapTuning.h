#pragma once

namespace mq::gui {

// Pins glibc's allocator thresholds at their documented defaults (elsewhere a no-op).
// glibc raises both after the first large free: from then on the arrays Qt keeps per row of a
// big table (the filter proxy's mappings, ~400 KB at 100 000 rows, reallocated as the live feed
// turns over) come from the main heap, and freed memory at its top is kept instead of returned.
// The console's RSS crept up by ~30 B per retained message that way (tests/benchmarks/README.md).
void keepLargeAllocationsOutOfTheHeap();

} // namespace mq::gui
