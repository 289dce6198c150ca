# tests/scale/cluster.sh — a private one-node Slurm cluster on localhost, for tests and
# benchmarks (sourced). Debian's slurmctld, slurmd and munged run in the foreground as
# children of this shell, with their configuration, state, sockets, logs and ports in one
# temporary directory: nothing in /etc, no systemd, nothing left behind (slurm_down stops
# them by PID). Start-up takes about a second.
#
#   slurm_missing          prints why a cluster cannot run here (and returns 0), or nothing
#   slurm_up DIR           starts the cluster in DIR (empty, private); exports SLURM_CONF
#   slurm_wait JOBID       waits until the job has left the queue; prints STATE EXITCODE
#   slurm_down             stops the daemons it started
#   slurm_logs             the daemons' logs (for a failure's diagnosis)

SLURM_PIDS=""
SLURM_DIR=""

slurm_missing() {
    if [ "$(id -u)" != 0 ]; then
        echo "needs root (slurmd starts jobs as their user; tools/deps.sh test installs Slurm as root)"
        return 0
    fi
    for c in munged slurmctld slurmd sbatch squeue sinfo scontrol scancel python3; do
        if ! command -v "$c" >/dev/null 2>&1; then
            echo "no $c: Debian's munge slurmctld slurmd slurm-client are not installed (tools/deps.sh test installs them)"
            return 0
        fi
    done
    return 1
}

slurm_free_port() {
    python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

slurm_up() {
    SLURM_DIR=$1
    d=$SLURM_DIR
    mkdir -p "$d/munge" "$d/key" "$d/state" "$d/spool/jbnode" "$d/log"
    # munged refuses a socket in a directory (or under one) that not everyone may enter, as
    # a test's private mktemp -d is; --force lets it run there, its key still apart and 0400
    chmod 711 "$d" "$d/munge"
    chmod 700 "$d/key"
    head -c 1024 /dev/urandom >"$d/key/munge.key"
    chmod 400 "$d/key/munge.key"
    munged -F --force --socket="$d/munge/socket" --key-file="$d/key/munge.key" --pid-file="$d/munge/pid" \
        --log-file="$d/log/munged.log" --seed-file="$d/key/seed" >>"$d/log/munged.out" 2>&1 &
    SLURM_PIDS="$SLURM_PIDS $!"
    host=$(hostname -s)
    cat >"$d/slurm.conf" <<EOC
ClusterName=jianbao
SlurmctldHost=$host(127.0.0.1)
SlurmctldPort=$(slurm_free_port)
SlurmdPort=$(slurm_free_port)
AuthType=auth/munge
AuthInfo=socket=$d/munge/socket
CredType=cred/munge
SlurmUser=root
SlurmdUser=root
StateSaveLocation=$d/state
SlurmdSpoolDir=$d/spool/%n
SlurmctldPidFile=$d/slurmctld.pid
SlurmdPidFile=$d/slurmd.pid
SlurmctldLogFile=$d/log/slurmctld.log
SlurmdLogFile=$d/log/slurmd.log
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
MpiDefault=none
SelectType=select/cons_tres
SelectTypeParameters=CR_CPU
ReturnToService=2
SchedulerParameters=sched_min_interval=0
NodeName=jbnode NodeHostname=$host NodeAddr=127.0.0.1 CPUs=$(nproc) State=UNKNOWN
PartitionName=jb Nodes=jbnode Default=YES MaxTime=INFINITE State=UP
EOC
    SLURM_CONF=$d/slurm.conf
    export SLURM_CONF
    # munged must answer before the Slurm daemons ask it for credentials
    i=0
    while [ ! -S "$d/munge/socket" ]; do
        [ "$i" -lt 50 ] || return 1
        sleep 0.1
        i=$((i + 1))
    done
    slurmctld -D -i >>"$d/log/slurmctld.out" 2>&1 &
    SLURM_PIDS="$SLURM_PIDS $!"
    slurmd -D -N jbnode >>"$d/log/slurmd.out" 2>&1 &
    SLURM_PIDS="$SLURM_PIDS $!"
    # the node registers within a second; give up after 20 s (sinfo may itself take seconds
    # when something is wrong, so count time, not tries)
    end=$(($(date +%s) + 20))
    while [ "$(date +%s)" -lt "$end" ]; do
        [ "$(sinfo -h -o %T 2>/dev/null)" = idle ] && return 0
        sleep 0.1
    done
    return 1
}

slurm_wait() {
    # a job whose dependency failed stays pending for ever: that is its end here; and no
    # test job takes two minutes
    end=$(($(date +%s) + 120))
    while squeue -h -j "$1" 2>/dev/null | grep -q .; do
        if [ "$(date +%s)" -ge "$end" ] ||
            squeue -h -j "$1" -o %r 2>/dev/null | grep -q DependencyNeverSatisfied; then
            scancel "$1" 2>/dev/null
            break
        fi
        sleep 0.2
    done
    scontrol show job "$1" 2>/dev/null | tr ' ' '\n' |
        awk -F= '$1 == "JobState" {s = $2} $1 == "ExitCode" {e = $2} END {print s, e}'
}

slurm_down() {
    for p in $SLURM_PIDS; do kill "$p" 2>/dev/null; done
    for p in $SLURM_PIDS; do wait "$p" 2>/dev/null; done
    SLURM_PIDS=""
}

slurm_logs() {
    tail -n 20 "$SLURM_DIR"/log/* 2>/dev/null
}
