"""``python -m examples.ivr.call CONNECTION_ID``: place a call to the IVR and watch it (the typed simulator client).

A caller calls the application, waits for the menu (the call is ``gathering``), presses a key,
and the call's webhooks are printed as the server delivers them, until the call is bridged
(the IVR transferred it) or has ended.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from uuid import UUID

from telnyx_sim import Client


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m examples.ivr.call", description=__doc__)
    parser.add_argument("connection_id", help="the application's id")
    parser.add_argument("--press", default="1", help="the key(s) the caller presses (1: transfer)")
    parser.add_argument("--base-url", default=os.environ.get("TELNYX_BASE_URL", "http://127.0.0.1:8765"))
    parser.add_argument("--timeout", type=float, default=30.0, help="seconds to watch at most")
    args = parser.parse_args(argv)
    sim = Client(base_url=args.base_url.rstrip("/") + "/_sim").simulator
    call = sim.sim_start_inbound_call(connection_id=args.connection_id, from_="+18005550101", to="+18005550100").data
    ccid = call.call_control_id
    print(f"calling: {ccid}")
    deadline = time.monotonic() + args.timeout
    printed: set[UUID] = set()
    pressed = False
    while time.monotonic() < deadline:
        for hook in sim.sim_list_call_webhooks(ccid).data:
            if hook.status == "delivered" and hook.id not in printed:
                printed.add(hook.id)
                print(f"webhook {hook.event} (envelope {hook.envelope}) delivered")
        state = sim.sim_get_call(ccid).data
        if not pressed and state.gathering:
            sim.sim_send_dtmf(ccid, digits=args.press)
            print(f"caller pressed {args.press}")
            pressed = True
        if state.state in ("bridged", "hangup") and pressed:
            print(f"call {state.state}" + (f" with {state.bridged_with}" if state.bridged_with else ""))
            return 0
        time.sleep(0.1)
    print("timed out: is the IVR running and the application's webhook_event_url pointing at it?", file=sys.stderr)
    return 1


if __name__ == "__main__":
    sys.exit(main())
