#include "HeapTuning.h"

#include <cstdlib> // defines __GLIBC__ where it applies

#if defined(__GLIBC__)
#include <malloc.h>
#endif

namespace mq::gui {

void keepLargeAllocationsOutOfTheHeap()
{
#if defined(__GLIBC__)
    // Setting either turns glibc's dynamic adjustment of both off.
    mallopt(M_MMAP_THRESHOLD, 128 * 1024);
    mallopt(M_TRIM_THRESHOLD, 128 * 1024);
#endif
}

} // namespace mq::gui
