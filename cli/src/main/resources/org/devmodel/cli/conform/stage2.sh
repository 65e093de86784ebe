# devmodel conform, second stage: run by the first stage's busybox sh in the guest's initramfs,
# with the result directory mounted at /out. `devmodel conform` writes this file, guest.env and
# groups.request there; the guest answers with groups, guest.scn, trace, status, devices, times
# and dmesg, or with failure (one line: why the guest could not run the scenario).
. /out/guest.env
n=/newroot
mkdir -p /tmp
fail() { echo "$*" >/out/failure; exit 0; }
stamp() { read -r up _ </proc/uptime; echo "$1 $up" >>/out/times; }
stamp stage2

# The host's root, read-only over 9p, under a writable overlay: the guest runs the host's JDK and
# the project's mods/ at their host paths, and may write (the rewritten script, /tmp) in memory.
mount -t 9p -o trans=virtio,version=9p2000.L,ro,msize=512000 hostroot /host \
    || fail "cannot mount the host's root over 9p"
mount -t tmpfs tmpfs /rw && mkdir /rw/upper /rw/work
mount -t overlay -o lowerdir=/host,upperdir=/rw/upper,workdir=/rw/work overlay $n \
    || fail "cannot mount an overlay over the host's root"
mount -t proc proc $n/proc
mount -t sysfs sysfs $n/sys
mount -t devtmpfs devtmpfs $n/dev
# The guest kernel's modules, indexed by depmod -b at set-up, are /lib/modules/KVER in the guest.
mkdir -p "$n/lib/modules/$KVER" && mount -o bind "/host$MODULES/lib/modules/$KVER" "$n/lib/modules/$KVER" \
    || fail "cannot bind the guest kernel's modules from $MODULES"
mkdir -p $n/conform-out && mount -o bind /out $n/conform-out

# Static nodes, as systemd-tmpfiles creates them from kmod's list before anything opens them.
chroot $n kmod static-nodes --format=tmpfiles 2>/dev/null | while read -r type path mode _ _ _ devno; do
    case "$type" in
        c*|b*) mkdir -p "$n${path%/*}"
               [ -e "$n$path" ] || mknod -m "$mode" "$n$path" "${type%!}" "${devno%:*}" "${devno#*:}" ;;
    esac
done

# udev without rules: each "add" uevent's DEVMODE is applied to its node. The handler records the
# sequence number it handled, so settle can wait for /sys/kernel/uevent_seqnum as udevadm settle does.
cat /sys/kernel/uevent_seqnum >/tmp/handled
uevent sh -c '[ "$ACTION" = add ] && [ -n "${DEVNAME:-}" ] && [ -n "${DEVMODE:-}" ] \
    && chmod "$DEVMODE" "/dev/$DEVNAME"; echo "$SEQNUM" >/tmp/handled' &
settle() {
    i=0
    while [ "$(cat /tmp/handled)" -lt "$(cat /sys/kernel/uevent_seqnum)" ] && [ $i -lt 50 ]; do
        sleep 0.1; i=$((i + 1))
    done
}

# The model's IOMMU groups in the guest: each model group's functions, read from sysfs.
: >/out/groups
: >/tmp/rewrite.sed
while read -r model address; do
    guest="$(readlink "/sys/bus/pci/devices/$address/iommu_group")"
    echo "$model $address ${guest:+${guest##*/}}" >>/out/groups
    [ -n "$guest" ] && printf 's#\\(/dev/vfio/\\|/sys/kernel/iommu_groups/\\)%s\\b#\\1\001%s\001#g\n' \
        "$model" "${guest##*/}" >>/tmp/rewrite.sed
done </out/groups.request
printf 's#\001\\([0-9]*\\)\001#\\1#g\n' >>/tmp/rewrite.sed
cp /tmp/rewrite.sed $n/tmp/rewrite.sed

settle
stamp run
export CWD SCRIPT JAVA JAVA_OPTS MODPATH COMMAND
chroot $n /bin/sh -c 'cd "$CWD" && sed -f /tmp/rewrite.sed "$SCRIPT" >/tmp/guest.scn \
    && cat /tmp/guest.scn >"$SCRIPT" && cp /tmp/guest.scn /conform-out/guest.scn \
    && exec "$JAVA" $JAVA_OPTS --module-path "$MODPATH" -m org.devmodel.cli/org.devmodel.cli.Main $COMMAND "$SCRIPT"' \
    >/out/trace 2>&1
echo $? >/out/status
stamp done

# The dynamic majors by name, with the modules the script used loaded again.
for module in $LOAD_AFTER; do chroot $n modprobe "$module" 2>/dev/null; done
settle
cat /proc/devices >/out/devices
dmesg >/out/dmesg
