#include <git2.h>
#include <git2/sys/repository.h>

/* git_libgit2_opts is variadic, which Swift cannot call: one wrapper per option used. */

/* Reads trust the object database as git's own commands do (git verifies ids in fsck, not on
   every read); libgit2 otherwise hashes every object it reads again. */
static inline int mcplan_git_skip_read_verification(void) {
    return git_libgit2_opts(GIT_OPT_ENABLE_STRICT_HASH_VERIFICATION, 0);
}
