package org.devmodel.misc;

import java.util.Map;
import java.util.Optional;

/**
 * Misc minor numbers of {@code include/linux/miscdevice.h} in v3.14, and the module alias of each.
 *
 * <p>Every {@code X_MINOR} has an {@code X_ALIAS}, {@code "char-major-10-<minor>"}: what
 * {@code MODULE_ALIAS_MISCDEV(X_MINOR)} declares and what {@code misc_open} requests when nobody
 * serves the minor. The aliases are compile-time constants, so a driver can name them in its
 * {@code @KernelModuleInfo}; a driver with a minor outside this table builds its own the same way,
 * {@code ALIAS_PREFIX + 245}. {@code AMIGAMOUSE_MINOR} (4) and {@code ADB_MOUSE_MINOR} (10) are
 * commented out in v3.14 and left out here.
 */
public final class MiscMinors {
    /** {@code MISC_MAJOR}: the char major of every misc device. */
    public static final int MISC_MAJOR = 10;
    /** {@code MISC_DYNAMIC_MINOR}: asks {@code misc_register} for a free minor from 63 down. */
    public static final int MISC_DYNAMIC_MINOR = 255;
    /** What every misc alias starts with: {@code MODULE_ALIAS_MISCDEV}'s {@code "char-major-10-"}. */
    public static final String ALIAS_PREFIX = "char-major-" + MISC_MAJOR + "-";

    // Mice and pads.
    /** {@code PSMOUSE_MINOR}: PS/2 mouse. */
    public static final int PSMOUSE_MINOR = 1;
    /** {@code MODULE_ALIAS_MISCDEV(PSMOUSE_MINOR)}. */
    public static final String PSMOUSE_ALIAS = ALIAS_PREFIX + PSMOUSE_MINOR;
    /** {@code MS_BUSMOUSE_MINOR}: Microsoft bus mouse. */
    public static final int MS_BUSMOUSE_MINOR = 2;
    /** {@code MODULE_ALIAS_MISCDEV(MS_BUSMOUSE_MINOR)}. */
    public static final String MS_BUSMOUSE_ALIAS = ALIAS_PREFIX + MS_BUSMOUSE_MINOR;
    /** {@code ATIXL_BUSMOUSE_MINOR}: ATI XL bus mouse. */
    public static final int ATIXL_BUSMOUSE_MINOR = 3;
    /** {@code MODULE_ALIAS_MISCDEV(ATIXL_BUSMOUSE_MINOR)}. */
    public static final String ATIXL_BUSMOUSE_ALIAS = ALIAS_PREFIX + ATIXL_BUSMOUSE_MINOR;
    /** {@code ATARIMOUSE_MINOR}: Atari mouse. */
    public static final int ATARIMOUSE_MINOR = 5;
    /** {@code MODULE_ALIAS_MISCDEV(ATARIMOUSE_MINOR)}. */
    public static final String ATARIMOUSE_ALIAS = ALIAS_PREFIX + ATARIMOUSE_MINOR;
    /** {@code SUN_MOUSE_MINOR}: Sun mouse. */
    public static final int SUN_MOUSE_MINOR = 6;
    /** {@code MODULE_ALIAS_MISCDEV(SUN_MOUSE_MINOR)}. */
    public static final String SUN_MOUSE_ALIAS = ALIAS_PREFIX + SUN_MOUSE_MINOR;
    /** {@code APOLLO_MOUSE_MINOR}: Apollo mouse. */
    public static final int APOLLO_MOUSE_MINOR = 7;
    /** {@code MODULE_ALIAS_MISCDEV(APOLLO_MOUSE_MINOR)}. */
    public static final String APOLLO_MOUSE_ALIAS = ALIAS_PREFIX + APOLLO_MOUSE_MINOR;
    /** {@code PC110PAD_MINOR}: IBM PC-110 digitizer pad. */
    public static final int PC110PAD_MINOR = 9;
    /** {@code MODULE_ALIAS_MISCDEV(PC110PAD_MINOR)}. */
    public static final String PC110PAD_ALIAS = ALIAS_PREFIX + PC110PAD_MINOR;

    // 130 to 184.
    /** {@code WATCHDOG_MINOR}: watchdog timer. */
    public static final int WATCHDOG_MINOR = 130;
    /** {@code MODULE_ALIAS_MISCDEV(WATCHDOG_MINOR)}. */
    public static final String WATCHDOG_ALIAS = ALIAS_PREFIX + WATCHDOG_MINOR;
    /** {@code TEMP_MINOR}: temperature sensor. */
    public static final int TEMP_MINOR = 131;
    /** {@code MODULE_ALIAS_MISCDEV(TEMP_MINOR)}. */
    public static final String TEMP_ALIAS = ALIAS_PREFIX + TEMP_MINOR;
    /** {@code RTC_MINOR}: real-time clock. */
    public static final int RTC_MINOR = 135;
    /** {@code MODULE_ALIAS_MISCDEV(RTC_MINOR)}. */
    public static final String RTC_ALIAS = ALIAS_PREFIX + RTC_MINOR;
    /** {@code EFI_RTC_MINOR}: EFI real-time clock. */
    public static final int EFI_RTC_MINOR = 136;
    /** {@code MODULE_ALIAS_MISCDEV(EFI_RTC_MINOR)}. */
    public static final String EFI_RTC_ALIAS = ALIAS_PREFIX + EFI_RTC_MINOR;
    /** {@code SUN_OPENPROM_MINOR}: Sun OpenPROM. */
    public static final int SUN_OPENPROM_MINOR = 139;
    /** {@code MODULE_ALIAS_MISCDEV(SUN_OPENPROM_MINOR)}. */
    public static final String SUN_OPENPROM_ALIAS = ALIAS_PREFIX + SUN_OPENPROM_MINOR;
    /** {@code DMAPI_MINOR}: DMAPI (XFS data management). */
    public static final int DMAPI_MINOR = 140;
    /** {@code MODULE_ALIAS_MISCDEV(DMAPI_MINOR)}. */
    public static final String DMAPI_ALIAS = ALIAS_PREFIX + DMAPI_MINOR;
    /** {@code NVRAM_MINOR}: non-volatile configuration RAM. */
    public static final int NVRAM_MINOR = 144;
    /** {@code MODULE_ALIAS_MISCDEV(NVRAM_MINOR)}. */
    public static final String NVRAM_ALIAS = ALIAS_PREFIX + NVRAM_MINOR;
    /** {@code SGI_MMTIMER}: SGI memory-mapped timer. */
    public static final int SGI_MMTIMER = 153;
    /** {@code MODULE_ALIAS_MISCDEV(SGI_MMTIMER)}. */
    public static final String SGI_MMTIMER_ALIAS = ALIAS_PREFIX + SGI_MMTIMER;
    /** {@code STORE_QUEUE_MINOR}: SuperH store queues. */
    public static final int STORE_QUEUE_MINOR = 155;
    /** {@code MODULE_ALIAS_MISCDEV(STORE_QUEUE_MINOR)}. */
    public static final String STORE_QUEUE_ALIAS = ALIAS_PREFIX + STORE_QUEUE_MINOR;
    /** {@code I2O_MINOR}: I2O controller. */
    public static final int I2O_MINOR = 166;
    /** {@code MODULE_ALIAS_MISCDEV(I2O_MINOR)}. */
    public static final String I2O_ALIAS = ALIAS_PREFIX + I2O_MINOR;
    /** {@code MICROCODE_MINOR}: CPU microcode update. */
    public static final int MICROCODE_MINOR = 184;
    /** {@code MODULE_ALIAS_MISCDEV(MICROCODE_MINOR)}. */
    public static final String MICROCODE_ALIAS = ALIAS_PREFIX + MICROCODE_MINOR;

    // VFIO, new in 3.14.
    /** {@code VFIO_MINOR}: VFIO container, {@code /dev/vfio/vfio}. */
    public static final int VFIO_MINOR = 196;
    /** {@code MODULE_ALIAS_MISCDEV(VFIO_MINOR)}. */
    public static final String VFIO_ALIAS = ALIAS_PREFIX + VFIO_MINOR;

    // 200 to 239.
    /** {@code TUN_MINOR}: TUN/TAP. */
    public static final int TUN_MINOR = 200;
    /** {@code MODULE_ALIAS_MISCDEV(TUN_MINOR)}. */
    public static final String TUN_ALIAS = ALIAS_PREFIX + TUN_MINOR;
    /** {@code CUSE_MINOR}: CUSE. */
    public static final int CUSE_MINOR = 203;
    /** {@code MODULE_ALIAS_MISCDEV(CUSE_MINOR)}. */
    public static final String CUSE_ALIAS = ALIAS_PREFIX + CUSE_MINOR;
    /** {@code MWAVE_MINOR}: ACP Mwave modem. */
    public static final int MWAVE_MINOR = 219;
    /** {@code MODULE_ALIAS_MISCDEV(MWAVE_MINOR)}. */
    public static final String MWAVE_ALIAS = ALIAS_PREFIX + MWAVE_MINOR;
    /** {@code MPT_MINOR}: Fusion MPT. */
    public static final int MPT_MINOR = 220;
    /** {@code MODULE_ALIAS_MISCDEV(MPT_MINOR)}. */
    public static final String MPT_ALIAS = ALIAS_PREFIX + MPT_MINOR;
    /** {@code MPT2SAS_MINOR}: MPT2 SAS. */
    public static final int MPT2SAS_MINOR = 221;
    /** {@code MODULE_ALIAS_MISCDEV(MPT2SAS_MINOR)}. */
    public static final String MPT2SAS_ALIAS = ALIAS_PREFIX + MPT2SAS_MINOR;
    /** {@code MPT3SAS_MINOR}: MPT3 SAS. */
    public static final int MPT3SAS_MINOR = 222;
    /** {@code MODULE_ALIAS_MISCDEV(MPT3SAS_MINOR)}. */
    public static final String MPT3SAS_ALIAS = ALIAS_PREFIX + MPT3SAS_MINOR;
    /** {@code UINPUT_MINOR}: user-level input. */
    public static final int UINPUT_MINOR = 223;
    /** {@code MODULE_ALIAS_MISCDEV(UINPUT_MINOR)}. */
    public static final String UINPUT_ALIAS = ALIAS_PREFIX + UINPUT_MINOR;
    /** {@code MISC_MCELOG_MINOR}: machine-check log. */
    public static final int MISC_MCELOG_MINOR = 227;
    /** {@code MODULE_ALIAS_MISCDEV(MISC_MCELOG_MINOR)}. */
    public static final String MISC_MCELOG_ALIAS = ALIAS_PREFIX + MISC_MCELOG_MINOR;
    /** {@code HPET_MINOR}: HPET. */
    public static final int HPET_MINOR = 228;
    /** {@code MODULE_ALIAS_MISCDEV(HPET_MINOR)}. */
    public static final String HPET_ALIAS = ALIAS_PREFIX + HPET_MINOR;
    /** {@code FUSE_MINOR}: FUSE. */
    public static final int FUSE_MINOR = 229;
    /** {@code MODULE_ALIAS_MISCDEV(FUSE_MINOR)}. */
    public static final String FUSE_ALIAS = ALIAS_PREFIX + FUSE_MINOR;
    /** {@code KVM_MINOR}: KVM. */
    public static final int KVM_MINOR = 232;
    /** {@code MODULE_ALIAS_MISCDEV(KVM_MINOR)}. */
    public static final String KVM_ALIAS = ALIAS_PREFIX + KVM_MINOR;
    /** {@code BTRFS_MINOR}: Btrfs control. */
    public static final int BTRFS_MINOR = 234;
    /** {@code MODULE_ALIAS_MISCDEV(BTRFS_MINOR)}. */
    public static final String BTRFS_ALIAS = ALIAS_PREFIX + BTRFS_MINOR;
    /** {@code AUTOFS_MINOR}: autofs. */
    public static final int AUTOFS_MINOR = 235;
    /** {@code MODULE_ALIAS_MISCDEV(AUTOFS_MINOR)}. */
    public static final String AUTOFS_ALIAS = ALIAS_PREFIX + AUTOFS_MINOR;
    /** {@code MAPPER_CTRL_MINOR}: device-mapper control. */
    public static final int MAPPER_CTRL_MINOR = 236;
    /** {@code MODULE_ALIAS_MISCDEV(MAPPER_CTRL_MINOR)}. */
    public static final String MAPPER_CTRL_ALIAS = ALIAS_PREFIX + MAPPER_CTRL_MINOR;
    /** {@code LOOP_CTRL_MINOR}: loop control. */
    public static final int LOOP_CTRL_MINOR = 237;
    /** {@code MODULE_ALIAS_MISCDEV(LOOP_CTRL_MINOR)}. */
    public static final String LOOP_CTRL_ALIAS = ALIAS_PREFIX + LOOP_CTRL_MINOR;
    /** {@code VHOST_NET_MINOR}: vhost-net. */
    public static final int VHOST_NET_MINOR = 238;
    /** {@code MODULE_ALIAS_MISCDEV(VHOST_NET_MINOR)}. */
    public static final String VHOST_NET_ALIAS = ALIAS_PREFIX + VHOST_NET_MINOR;
    /** {@code UHID_MINOR}: user-space HID. */
    public static final int UHID_MINOR = 239;
    /** {@code MODULE_ALIAS_MISCDEV(UHID_MINOR)}. */
    public static final String UHID_ALIAS = ALIAS_PREFIX + UHID_MINOR;

    /** The name each v3.14 driver registers its static minor under, as {@code /proc/misc} shows it. */
    private static final Map<String, Integer> BY_DEVICE_NAME = Map.ofEntries(
            Map.entry("psaux", PSMOUSE_MINOR),
            Map.entry("watchdog", WATCHDOG_MINOR),
            Map.entry("rtc", RTC_MINOR),
            Map.entry("nvram", NVRAM_MINOR),
            Map.entry("microcode", MICROCODE_MINOR),
            Map.entry("vfio", VFIO_MINOR),
            Map.entry("tun", TUN_MINOR),
            Map.entry("cuse", CUSE_MINOR),
            Map.entry("mptctl", MPT_MINOR),
            Map.entry("mpt2ctl", MPT2SAS_MINOR),
            Map.entry("mpt3ctl", MPT3SAS_MINOR),
            Map.entry("uinput", UINPUT_MINOR),
            Map.entry("mcelog", MISC_MCELOG_MINOR),
            Map.entry("hpet", HPET_MINOR),
            Map.entry("fuse", FUSE_MINOR),
            Map.entry("kvm", KVM_MINOR),
            Map.entry("btrfs-control", BTRFS_MINOR),
            Map.entry("autofs", AUTOFS_MINOR),
            Map.entry("device-mapper", MAPPER_CTRL_MINOR),
            Map.entry("loop-control", LOOP_CTRL_MINOR),
            Map.entry("vhost-net", VHOST_NET_MINOR),
            Map.entry("uhid", UHID_MINOR));

    private MiscMinors() {
    }

    /**
     * {@return the static minor a v3.14 driver registers under a device name, e.g. 200 for
     * {@code tun}; empty for a dynamic or unknown name}
     *
     * @param name the name {@code /proc/misc} shows ({@code struct miscdevice}'s {@code name})
     */
    public static Optional<Integer> byDeviceName(String name) {
        return Optional.ofNullable(BY_DEVICE_NAME.get(name));
    }

    /** {@return every device name with a static minor, to its minor} */
    public static Map<String, Integer> deviceNames() {
        return BY_DEVICE_NAME;
    }

    /**
     * {@return the alias {@code misc_open} requests for a minor, e.g. {@code char-major-10-196}}
     *
     * @param minor the misc minor, 0 to 255
     * @throws IllegalArgumentException if the minor is out of range
     */
    public static String alias(int minor) {
        if (minor < 0 || minor > MISC_DYNAMIC_MINOR) {
            throw new IllegalArgumentException("misc minor out of range: " + minor);
        }
        return ALIAS_PREFIX + minor;
    }
}
