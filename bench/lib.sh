# Shared by the bench scripts: start signs and nginx on free ports, sign in, and time a URL
# with wrk. Source it after `set -euo pipefail`; it sets a trap that stops what it started.

bench_tmp=$(mktemp -d)
bench_pids=()
bench_cleanup() {
    local pid
    for pid in "${bench_pids[@]}"; do kill "$pid" 2>/dev/null && wait "$pid" 2>/dev/null; done
    rm -rf "$bench_tmp"
}
trap bench_cleanup EXIT
trap 'exit 130' INT TERM

# bench_need wrk nginx-light: installs the Debian packages whose commands are missing.
bench_need() {
    local missing=() package
    for package in "$@"; do
        command -v "${package%-light}" >/dev/null || missing+=("$package")
    done
    if ((${#missing[@]})); then
        echo "Installing Debian packages: ${missing[*]}"
        DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
    fi
}

# bench_start_signs BINARY DATA_DIR: serves that data on a free port and sets $base.
bench_start_signs() {
    local out=$bench_tmp/signs.$RANDOM.out port=''
    "$1" serve --data-dir "$2" --listen 127.0.0.1:0 --log-requests false >"$out" 2>&1 &
    bench_pids+=($!)
    for _ in $(seq 600); do
        port=$(sed -n 's|^signs listening on http://127\.0\.0\.1:\([0-9]*\)$|\1|p' "$out")
        [[ -n $port ]] && break
        kill -0 "${bench_pids[-1]}" 2>/dev/null || break
        sleep 0.1
    done
    [[ -n $port ]] || { echo "signs did not start:" >&2; cat "$out" >&2; exit 1; }
    base=http://127.0.0.1:$port
}

# bench_stop_signs: stops the server bench_start_signs started last.
bench_stop_signs() {
    kill "${bench_pids[-1]}" 2>/dev/null && wait "${bench_pids[-1]}" 2>/dev/null || true
    unset 'bench_pids[-1]'
}

# bench_sign_in EMAIL PASSWORD: signs in as a browser would (the form's CSRF token must match
# its cookie) and sets $cookie to a "Cookie: ..." header.
bench_sign_in() {
    local jar=$bench_tmp/cookies.$RANDOM csrf status session
    csrf=$(curl -sf -c "$jar" "$base/sign-in" | sed -n 's/.*name="csrf_token" value="\([0-9a-f]*\)".*/\1/p' | head -1)
    status=$(curl -s -o /dev/null -w '%{http_code}' -b "$jar" -c "$jar" \
        --data-urlencode "email=$1" --data-urlencode "password=$2" \
        --data-urlencode "csrf_token=$csrf" "$base/sign-in")
    session=$(awk '$6 == "signs_session" { print $7 }' "$jar")
    [[ $status == 303 && -n $session ]] || { echo "sign-in as $1 failed (HTTP $status)" >&2; exit 1; }
    cookie="Cookie: signs_session=$session"
}

# bench_start_nginx DIR [WORKERS]: nginx serves the files in DIR (.html as HTML, .svg as SVG) on
# a free port with WORKERS worker processes (default 2) and sets $nginx_base. It sends the very bytes signs sent, so the gap between the two is
# signs' own cost. Its workers drop root, so they must be able to reach DIR.
bench_start_nginx() {
    local www=$1 workers=${2:-2} conf=$bench_tmp/nginx port=''
    chmod 711 "$bench_tmp" && chmod -R a+rX "$www"
    while [[ -z $port ]]; do
        local candidate=$((20000 + RANDOM % 40000))
        (exec 3<>"/dev/tcp/127.0.0.1/$candidate") 2>/dev/null || port=$candidate
    done
    mkdir -p "$conf"
    cat >"$conf/nginx.conf" <<CONF
daemon off;
worker_processes $workers;
pid $conf/nginx.pid;
error_log $conf/error.log;
events { worker_connections 1024; }
http {
    access_log off;
    gzip off;
    types { text/html html; image/svg+xml svg; }
    charset utf-8;
    charset_types image/svg+xml;
    client_body_temp_path $conf/body; proxy_temp_path $conf/proxy;
    fastcgi_temp_path $conf/fastcgi; uwsgi_temp_path $conf/uwsgi; scgi_temp_path $conf/scgi;
    server { listen 127.0.0.1:$port; root $www; }
}
CONF
    # -e keeps nginx's early start-up messages out of the system log folder.
    nginx -p "$conf" -e "$conf/error.log" -c "$conf/nginx.conf" &
    bench_pids+=($!)
    nginx_base=http://127.0.0.1:$port
    for _ in $(seq 50); do
        [[ $(curl -s -o /dev/null -w '%{http_code}' "$nginx_base/") != 000 ]] && break
        sleep 0.1
    done
}

# bench_rate SECONDS URL [HEADER]: requests a second over a timed wrk run after a 2 s warm-up
# whose numbers are thrown away. Fails unless the URL answers 200 first; warns about bad answers,
# since a server that answers errors fast would look good.
bench_rate() {
    local seconds=$1 url=$2 args=() status out bad
    [[ -n ${3:-} ]] && args=(-H "$3")
    status=$(curl -s -o /dev/null -w '%{http_code}' "${args[@]}" "$url")
    [[ $status == 200 ]] || { echo "$url answered $status, not 200" >&2; exit 1; }
    wrk -t2 -c50 -d2s "${args[@]}" "$url" >/dev/null
    out=$(wrk -t2 -c50 -d"${seconds}s" "${args[@]}" "$url")
    bad=$(awk '/Non-2xx or 3xx responses:/ { n += $NF }
               /Socket errors:/ { gsub(/,/, ""); n += $4 + $6 + $8 + $10 }
               END { print n + 0 }' <<<"$out")
    ((bad <= 5)) || echo "warning: $url: $bad failed requests" >&2
    awk '/^Requests\/sec:/ { print $2 }' <<<"$out"
}

# bench_wrk_p99 SECONDS URL [HEADER]: "requests/s p99_ms non_200s" for one timed run at 50
# connections on one thread, the way bench/pages measures every page.
bench_wrk_p99() {
    local args=(-t1 -c50 -d"$1s" --latency)
    [[ -n ${3:-} ]] && args+=(-H "$3")
    wrk "${args[@]}" "$2" | awk '
        /^Requests\/sec:/ { rate = $2 }
        $1 == "99%" { v = $2; ms = v + 0
                      if (v ~ /us$/) ms /= 1000; else if (v ~ /[^m]s$/) ms *= 1000
                      p99 = ms }
        /Non-2xx or 3xx responses:/ { bad += $NF }
        END { printf "%s %.2f %d\n", rate, p99, bad }'
}

# bench_ratio A B: A / B to two places.
bench_ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", (b > 0 ? a / b : 0) }'; }
