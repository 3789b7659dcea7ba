package dev.berth.posix;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.lang.ref.Cleaner;
import java.util.Optional;

/**
 * SHA-256 from the host's OpenSSL (libcrypto.so.3), which uses the CPU's SHA instructions.
 * Why: berthd runs C1-only to stay small, and C1 does not use the JDK's SHA intrinsic: the
 * JDK's SHA-256 then hashes ~120 MB/s here against ~1 GB/s for OpenSSL, and every layer,
 * blob and copy is hashed. Input is staged in a native buffer so small updates cost no
 * downcall each.
 *
 * <p>Not thread-safe, like {@link java.security.MessageDigest}. Native state is freed by a
 * cleaner when the object becomes unreachable.
 */
public final class OpenSslSha256 {

    private static final int STAGE = 64 * 1024;
    private static final Cleaner CLEANER = Cleaner.create();
    private static final Native NATIVE = Native.load().orElse(null);

    private final MemorySegment ctx;
    private final MemorySegment stage;
    private final MemorySegment out;
    private int staged;

    /** Whether libcrypto was found: when false, use the JDK's implementation. */
    public static boolean isAvailable() {
        return NATIVE != null;
    }

    public OpenSslSha256() {
        if (NATIVE == null) {
            throw new IllegalStateException("libcrypto.so.3 is not available");
        }
        Arena arena = Arena.ofShared();
        try {
            MemorySegment c = (MemorySegment) NATIVE.ctxNew.invokeExact();
            if (c.equals(MemorySegment.NULL)) {
                throw new OutOfMemoryError("EVP_MD_CTX_new");
            }
            this.ctx = c;
            this.stage = arena.allocate(STAGE);
            this.out = arena.allocate(32);
            CLEANER.register(this, () -> {
                try {
                    NATIVE.ctxFree.invokeExact(c);
                } catch (Throwable ignored) {
                    // freeing cannot fail in a way we could handle
                }
                arena.close();
            });
        } catch (RuntimeException | Error e) {
            arena.close();
            throw e;
        } catch (Throwable t) {
            arena.close();
            throw new IllegalStateException(t);
        }
        reset();
    }

    public void reset() {
        staged = 0;
        call("EVP_DigestInit_ex", () -> (int) NATIVE.init.invokeExact(ctx, NATIVE.sha256, MemorySegment.NULL));
    }

    public void update(byte[] bytes, int offset, int length) {
        while (length > 0) {
            int n = Math.min(length, STAGE - staged);
            MemorySegment.copy(bytes, offset, stage, ValueLayout.JAVA_BYTE, staged, n);
            staged += n;
            offset += n;
            length -= n;
            if (staged == STAGE) {
                flush();
            }
        }
    }

    /** The hash of everything since the last reset; resets. */
    public byte[] digest() {
        flush();
        call("EVP_DigestFinal_ex", () -> (int) NATIVE.finish.invokeExact(ctx, out, MemorySegment.NULL));
        byte[] hash = out.toArray(ValueLayout.JAVA_BYTE);
        reset();
        return hash;
    }

    private void flush() {
        if (staged > 0) {
            long n = staged;
            call("EVP_DigestUpdate", () -> (int) NATIVE.update.invokeExact(ctx, stage, n));
            staged = 0;
        }
    }

    private interface Call {
        int invoke() throws Throwable;
    }

    private static void call(String name, Call call) {
        int ok;
        try {
            ok = call.invoke();
        } catch (Throwable t) {
            throw new IllegalStateException(name + " failed", t);
        }
        if (ok != 1) {
            throw new IllegalStateException(name + " failed");
        }
    }

    /** The libcrypto functions, looked up once. */
    private record Native(MemorySegment sha256, MethodHandle ctxNew, MethodHandle ctxFree, MethodHandle init,
            MethodHandle update, MethodHandle finish) {

        static Optional<Native> load() {
            try {
                SymbolLookup lib = SymbolLookup.libraryLookup("libcrypto.so.3", Arena.global());
                Linker linker = Linker.nativeLinker();
                var ptr = ValueLayout.ADDRESS;
                var i32 = ValueLayout.JAVA_INT;
                MethodHandle evpSha256 = linker.downcallHandle(lib.find("EVP_sha256").orElseThrow(),
                        FunctionDescriptor.of(ptr));
                MemorySegment md = (MemorySegment) evpSha256.invokeExact();
                return Optional.of(new Native(md,
                        linker.downcallHandle(lib.find("EVP_MD_CTX_new").orElseThrow(), FunctionDescriptor.of(ptr)),
                        linker.downcallHandle(lib.find("EVP_MD_CTX_free").orElseThrow(), FunctionDescriptor.ofVoid(ptr)),
                        linker.downcallHandle(lib.find("EVP_DigestInit_ex").orElseThrow(),
                                FunctionDescriptor.of(i32, ptr, ptr, ptr)),
                        linker.downcallHandle(lib.find("EVP_DigestUpdate").orElseThrow(),
                                FunctionDescriptor.of(i32, ptr, ptr, ValueLayout.JAVA_LONG)),
                        linker.downcallHandle(lib.find("EVP_DigestFinal_ex").orElseThrow(),
                                FunctionDescriptor.of(i32, ptr, ptr, ptr))));
            } catch (Throwable notThere) {
                return Optional.empty();
            }
        }
    }
}
