// Asks the processor to bring the cache line holding an address into its caches, ahead of a
// read: for loops that visit large arrays out of order and would otherwise wait for memory at
// each step. It reads nothing and changes nothing observable.
#pragma once

namespace cp {

// GCC 12 drops a __builtin_prefetch in a function it finds to have no other effect (its
// inter-procedural analysis takes the function as pure and deletes the call; seen in
// ExecutionTable::prefetch_fields): the instruction is emitted as an asm statement with a
// memory operand instead, which the compiler keeps.
inline void prefetch(const void* address) {
#if defined(__x86_64__)
  asm volatile("prefetcht0 %0" : : "m"(*static_cast<const char*>(address)));
#elif defined(__aarch64__)
  asm volatile("prfm pldl1keep, %0" : : "Q"(*static_cast<const char*>(address)));
#else
  (void)address;
#endif
}

}  // namespace cp
